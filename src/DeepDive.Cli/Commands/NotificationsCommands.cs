using System.ComponentModel;
using DeepDive.Cli.Tables;
using DeepDive.Engine.Notifications;
using DeepDive.Engine.Storage;
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
public sealed class NotificationsListCommand(Outbox outbox) : AsyncCommand<NotificationsListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, NotificationsListSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Status is not null and not (Outbox.Pending or Outbox.Delivered or Outbox.Failed))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]--status '{settings.Status}' is not one of pending, delivered, failed.[/]");
            return 2;
        }

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
        var gaveUp = rows.Where(r => r.Status == Outbox.Failed).ToList();
        if (gaveUp.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{gaveUp.Count} gave up[/] after their last attempt; once the cause is fixed, 'deepdive notifications retry <id>' (or --all-failed):");
            foreach (var row in gaveUp)
            {
                AnsiConsole.MarkupLineInterpolated($"  {row.NotificationId}  {row.Subject}");
            }
        }

        return 0;
    }
}

/// <summary>One delivery pass over the outbox now (the running engine does this by itself; this is for a cron or a check).</summary>
public sealed class NotificationsDeliverCommand(Outbox outbox, INotificationSender sender, NotificationSettings notifications) : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        // A dispatcher of its own, named for this command: the engine's one is for the engine's process.
        var dispatcher = new OutboxDispatcher(outbox, sender, notifications,
            $"cli@{Environment.MachineName}/{Environment.ProcessId}", NullLogger<OutboxDispatcher>.Instance);
        var (delivered, failed) = await dispatcher.DeliverDueAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Delivered {delivered} notification(s) via {sender.Via}; {failed} attempt(s) failed and will be tried again.");
        return failed == 0 ? 0 : 1;
    }
}

public sealed class NotificationsRetrySettings : DatabaseSettings
{
    [CommandArgument(0, "[ID]")]
    [Description("The notification to send again, as 'notifications list --status failed' shows it. Or --all-failed.")]
    public string? Id { get; init; }

    [CommandOption("--all-failed")]
    [Description("Queue every notification that gave up again.")]
    public bool AllFailed { get; init; }

    public override ValidationResult Validate() =>
        (Id is null) == !AllFailed ? ValidationResult.Error("Give a notification id or --all-failed, not both.") : ValidationResult.Success();
}

/// <summary>Queues again the notifications that gave up after their last attempt, once the cause (e.g. the mail server) is fixed.</summary>
public sealed class NotificationsRetryCommand(Database database, Outbox outbox) : AsyncCommand<NotificationsRetrySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, NotificationsRetrySettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var queued = await outbox.RequeueFailedAsync(settings.Partnership, settings.Id, cancellationToken);
        if (queued == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Nothing queued:[/] {(settings.Id is null ? "no notification has failed" : $"no failed notification '{settings.Id}' in partnership '{settings.Partnership}'")}.");
            return 1;
        }

        AnsiConsole.MarkupLineInterpolated($"Queued {queued} notification(s) again; the engine (or 'deepdive notifications deliver') sends them now.");
        return 0;
    }
}
