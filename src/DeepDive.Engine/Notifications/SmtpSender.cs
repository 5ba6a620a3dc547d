using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace DeepDive.Engine.Notifications;

/// <summary>Delivers by SMTP with MailKit: one connection per message, so a broken connection never outlives a send.</summary>
public sealed class SmtpSender(SmtpSettings settings) : INotificationSender
{
    public string Via => $"smtp {settings.Host}:{settings.Port}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.Host, settings.Port, Security(settings.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Security(string value) => value.ToLowerInvariant() switch
    {
        "auto" => SecureSocketOptions.Auto,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        _ => throw new ArgumentException($"Notifications:Smtp:Security '{value}' is not one of auto, starttls, ssl, none."),
    };
}
