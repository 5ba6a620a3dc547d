using MimeKit;

namespace DeepDive.Engine.Notifications;

/// <summary>Writes each message as an .eml file named by its time and id, whole or not at all (written aside, then moved in).</summary>
public sealed class EmlFolderSender(string folder) : INotificationSender
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public string Via => $"eml {Folder}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var id = (message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0];
        var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{id}.eml";
        var final = Path.Combine(Folder, name);
        var partial = final + ".partial";
        await using (var stream = File.Create(partial))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        File.Move(partial, final, overwrite: true);
    }
}
