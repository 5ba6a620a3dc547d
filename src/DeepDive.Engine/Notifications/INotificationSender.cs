using MimeKit;

namespace DeepDive.Engine.Notifications;

/// <summary>Hands one message on; throws when it could not be delivered (the outbox then tries again later).</summary>
public interface INotificationSender
{
    /// <summary>How the message went, as recorded with it: e.g. "smtp mail.example.org" or "eml /var/deepdive/outbox".</summary>
    string Via { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
