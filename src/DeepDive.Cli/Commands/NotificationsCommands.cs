using System.ComponentModel;
using DeepDive.Cli.Tables;
using DeepDive.Engine.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class NotificationsListSettings : DatabaseSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("Only pending, delivered or failed notifications.")]
    public string? Status { get; init; }
}

/// <summary>Lists the outbox: reminders, escalations and notices, with how and when each went, or why not yet.</summary>
public sealed class NotificationsListCommand : AsyncCommand<NotificationsListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, NotificationsListSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Status is not null and not (Outbox.Pending or Outbox.Delivered or Outbox.Failed))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]--status '{settings.Status}' is not one of pending, delivered, failed.[/]");
            return 2;
        }

        var outbox = new Outbox(settings.OpenDatabase(), TimeProvider.System);
        var rows = await outbox.ListAsync(settings.Partnership, settings.Status, cancellationToken);
        var table = new Table().AddColumns("created (UTC)", "kind", "to", "subject", "status", "attempts", "delivered / next try", "last error");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape($"{row.CreatedUtc:yyyy-MM-dd HH:mm}"),
                Markup.Escape(row.Kind),
                Markup.Escape($"{row.Recipient} <{row.RecipientAddress}>"),
                Markup.Escape(row.Subject),
                Markup.Escape(row.Status),
                row.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(row.Status == Outbox.Delivered ? $"{row.DeliveredUtc:yyyy-MM-dd HH:mm} {row.DeliveredVia}" : $"{row.NextAttemptUtc:yyyy-MM-dd HH:mm}"),
                Markup.Escape(row.LastError ?? ""));
        }

        FittedTable.Write(AnsiConsole.Console, table);
        AnsiConsole.MarkupLineInterpolated($"{rows.Count} notification(s).");
        return 0;
    }
}

/// <summary>One delivery pass over the outbox now (the running engine does this by itself; this is for a cron or a check).</summary>
public sealed class NotificationsDeliverCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        NotificationSettings notifications;
        try
        {
            notifications = NotificationSettingsFile.Load();
        }
        catch (InvalidOperationException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 2;
        }

        INotificationSender sender = notifications.Smtp is { } smtp ? new SmtpSender(smtp) : new EmlFolderSender(notifications.Folder);
        var dispatcher = new OutboxDispatcher(new Outbox(settings.OpenDatabase(), TimeProvider.System), sender, notifications,
            $"cli@{Environment.MachineName}/{Environment.ProcessId}", NullLogger<OutboxDispatcher>.Instance);
        var (delivered, failed) = await dispatcher.DeliverDueAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Delivered {delivered} notification(s) via {sender.Via}; {failed} attempt(s) failed and will be tried again.");
        return failed == 0 ? 0 : 1;
    }
}
