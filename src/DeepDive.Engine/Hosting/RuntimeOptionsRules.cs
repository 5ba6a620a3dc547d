using DeepDive.Engine.Runtime;

namespace DeepDive.Engine.Hosting;

/// <summary>What makes the engine's settings usable: each rule names the key it checks.</summary>
internal static class RuntimeOptionsRules
{
    private const string Engine = DeepDiveSettings.EngineSection;
    private const string Notifications = DeepDiveSettings.NotificationsSection;

    public static IEnumerable<SettingsProblem> Check(RuntimeOptions options)
    {
        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromMinutes(10))
        {
            yield return new($"{Engine}:PollInterval", $"must be between 10 milliseconds and 10 minutes (is {options.PollInterval}).");
        }

        if (options.IdleTime < TimeSpan.FromMilliseconds(1) || options.IdleTime > TimeSpan.FromMinutes(1))
        {
            yield return new($"{Engine}:IdleTime", $"must be between 1 millisecond and 1 minute (is {options.IdleTime}).");
        }

        if (options.SchedulerIdleWait < TimeSpan.FromMilliseconds(10) || options.SchedulerIdleWait > TimeSpan.FromMinutes(10))
        {
            yield return new($"{Engine}:SchedulerIdleWait", $"must be between 10 milliseconds and 10 minutes (is {options.SchedulerIdleWait}).");
        }

        if (string.IsNullOrWhiteSpace(options.InstanceName))
        {
            yield return new($"{Engine}:InstanceName", "must not be empty: it names the scheduler every node shares.");
        }

        if (options.FiringRetry.Retries is < 0 or > 20)
        {
            yield return new($"{Engine}:FiringRetry:Retries", $"must be from 0 to 20 (is {options.FiringRetry.Retries}).");
        }

        if (options.FiringRetry.FirstDelay < TimeSpan.Zero || options.FiringRetry.FirstDelay > TimeSpan.FromMinutes(5))
        {
            yield return new($"{Engine}:FiringRetry:FirstDelay", $"must be from 0 to 5 minutes (is {options.FiringRetry.FirstDelay}).");
        }

        foreach (var (key, address) in new[] { ("FromAddress", options.Notifications.FromAddress), ("BusinessTeamAddress", options.Notifications.BusinessTeamAddress) })
        {
            if (!address.Contains('@', StringComparison.Ordinal))
            {
                yield return new($"{Notifications}:{key}", $"'{address}' is not an email address.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Notifications.Folder))
        {
            yield return new($"{Notifications}:Folder", "must name the folder the .eml files are written to.");
        }

        if (options.Notifications.Smtp is { } smtp)
        {
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                yield return new($"{Notifications}:Smtp:Host", "is required when the Smtp section is given.");
            }

            if (smtp.Port is < 1 or > 65535)
            {
                yield return new($"{Notifications}:Smtp:Port", $"{smtp.Port} is not a port number (1-65535).");
            }

            if (smtp.Security.ToLowerInvariant() is not ("auto" or "starttls" or "ssl" or "none"))
            {
                yield return new($"{Notifications}:Smtp:Security", $"'{smtp.Security}' is not one of auto, starttls, ssl, none.");
            }
        }
    }
}
