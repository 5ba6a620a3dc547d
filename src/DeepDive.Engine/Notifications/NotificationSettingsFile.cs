using System.Text.Json;

namespace DeepDive.Engine.Notifications;

/// <summary>
/// Reads <see cref="NotificationSettings"/> from the "Notifications" section of appsettings.json, then lets
/// environment variables override it: DEEPDIVE_SMTP_HOST, DEEPDIVE_SMTP_PORT, DEEPDIVE_SMTP_SECURITY,
/// DEEPDIVE_SMTP_USER, DEEPDIVE_SMTP_PASSWORD, DEEPDIVE_MAIL_FROM, DEEPDIVE_BUSINESS_TEAM, DEEPDIVE_OUTBOX.
/// </summary>
public static class NotificationSettingsFile
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static NotificationSettings Load(string appSettingsPath, Func<string, string?> environment)
    {
        var settings = new NotificationSettings();
        if (File.Exists(appSettingsPath))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(appSettingsPath));
            if (document.RootElement.TryGetProperty("Notifications", out var section))
            {
                try
                {
                    settings = section.Deserialize<NotificationSettings>(Options) ?? settings;
                }
                catch (JsonException e)
                {
                    throw new InvalidOperationException($"{appSettingsPath}: Notifications{(e.Path is { Length: > 1 } p ? p[1..] : "")}: {e.Message}", e);
                }
            }
        }

        if (environment("DEEPDIVE_SMTP_HOST") is { Length: > 0 } host)
        {
            settings = settings with { Smtp = (settings.Smtp ?? new SmtpSettings { Host = host }) with { Host = host } };
        }

        if (settings.Smtp is { } smtp)
        {
            var port = environment("DEEPDIVE_SMTP_PORT");
            settings = settings with
            {
                Smtp = smtp with
                {
                    Port = port is { Length: > 0 } ? int.TryParse(port, out var p) && p is > 0 and < 65536 ? p
                        : throw new InvalidOperationException($"DEEPDIVE_SMTP_PORT '{port}' is not a port number.") : smtp.Port,
                    Security = environment("DEEPDIVE_SMTP_SECURITY") is { Length: > 0 } security ? security : smtp.Security,
                    User = environment("DEEPDIVE_SMTP_USER") is { Length: > 0 } user ? user : smtp.User,
                    Password = environment("DEEPDIVE_SMTP_PASSWORD") is { Length: > 0 } password ? password : smtp.Password,
                },
            };
        }

        return settings with
        {
            FromAddress = environment("DEEPDIVE_MAIL_FROM") is { Length: > 0 } from ? from : settings.FromAddress,
            BusinessTeamAddress = environment("DEEPDIVE_BUSINESS_TEAM") is { Length: > 0 } team ? team : settings.BusinessTeamAddress,
            Folder = environment("DEEPDIVE_OUTBOX") is { Length: > 0 } folder ? folder : settings.Folder,
        };
    }

    public static NotificationSettings Load() => Load("appsettings.json", Environment.GetEnvironmentVariable);
}
