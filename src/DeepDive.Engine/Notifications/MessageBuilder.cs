using MimeKit;

namespace DeepDive.Engine.Notifications;

/// <summary>Turns an outbox row into a mail message: plain text, with the deadline as an .ics attachment when it has one.</summary>
public static class MessageBuilder
{
    public static MimeMessage Build(Outbox.Row row, NotificationSettings settings)
    {
        var message = new MimeMessage
        {
            // The same id on every attempt, so a message sent twice (a crash between sending and recording it) is one message to mail clients.
            MessageId = $"{row.NotificationId}@deepdive",
            Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedUtc, DateTimeKind.Utc)),
            Subject = row.Subject,
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(row.Recipient, row.RecipientAddress));
        message.Headers.Add("X-DeepDive-Kind", row.Kind);
        if (row.TaskId is not null)
        {
            message.Headers.Add("X-DeepDive-Task", row.TaskId);
        }

        var body = new BodyBuilder { TextBody = row.Body };
        if (row.Ics is not null)
        {
            body.Attachments.Add("deadline.ics", System.Text.Encoding.UTF8.GetBytes(row.Ics),
                new ContentType("text", "calendar") { Charset = "utf-8", Parameters = { { "method", "PUBLISH" } } });
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
