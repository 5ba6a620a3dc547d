using Microsoft.Extensions.Configuration;

namespace DeepDive.Engine.Hosting;

/// <summary>
/// Where a host's settings come from, later sources winning: <c>appsettings.json</c> in the current folder, the
/// environment (<c>DeepDive__Engine__Clustered=true</c> and the like, plus the short names below), then the host's own
/// overrides (a command's flags). An ASP.NET Core host has the first two already and adds
/// <see cref="AddDeepDiveEnvironment"/> and its flags.
/// </summary>
public static class DeepDiveConfiguration
{
    /// <summary>Environment variables kept under their short names, and the key each one sets.</summary>
    public static readonly IReadOnlyDictionary<string, string> ShortNames = new Dictionary<string, string>
    {
        ["DEEPDIVE_DB"] = DeepDiveSettings.ConnectionKey,
        ["DEEPDIVE_SMTP_HOST"] = $"{DeepDiveSettings.NotificationsSection}:Smtp:Host",
        ["DEEPDIVE_SMTP_PORT"] = $"{DeepDiveSettings.NotificationsSection}:Smtp:Port",
        ["DEEPDIVE_SMTP_SECURITY"] = $"{DeepDiveSettings.NotificationsSection}:Smtp:Security",
        ["DEEPDIVE_SMTP_USER"] = $"{DeepDiveSettings.NotificationsSection}:Smtp:User",
        ["DEEPDIVE_SMTP_PASSWORD"] = $"{DeepDiveSettings.NotificationsSection}:Smtp:Password",
        ["DEEPDIVE_MAIL_FROM"] = $"{DeepDiveSettings.NotificationsSection}:FromAddress",
        ["DEEPDIVE_BUSINESS_TEAM"] = $"{DeepDiveSettings.NotificationsSection}:BusinessTeamAddress",
        ["DEEPDIVE_OUTBOX"] = $"{DeepDiveSettings.NotificationsSection}:Folder",
    };

    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?>? overrides = null, string? folder = null) =>
        new ConfigurationBuilder()
            .SetBasePath(folder ?? Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddDeepDiveEnvironment()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

    /// <summary>Adds the short environment variable names (<see cref="ShortNames"/>) as the keys they stand for.</summary>
    public static IConfigurationBuilder AddDeepDiveEnvironment(this IConfigurationBuilder builder, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var values = new Dictionary<string, string?>();
        foreach (var (name, key) in ShortNames)
        {
            if (environment(name) is { Length: > 0 } value)
            {
                values[key] = value;
            }
        }

        return builder.AddInMemoryCollection(values);
    }
}
