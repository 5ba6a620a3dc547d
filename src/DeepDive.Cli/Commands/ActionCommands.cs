using System.ComponentModel;
using System.Globalization;
using DeepDive.Cli.Tables;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Reports;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

/// <summary>Imports an action plan spreadsheet whole or not at all, listing every error with its line and column.</summary>
public sealed class ImportActionsCommand(Database database, ActionImporter importer, ActionScheduler followUp) : AsyncCommand<ImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No such file:[/] {settings.File}");
            return 2;
        }

        Migrator.Upgrade(database);
        using var reader = new StreamReader(settings.File);
        var result = await importer.ImportAsync(settings.Partnership, reader, Path.GetFileName(settings.File), cancellationToken);
        if (!result.Succeeded)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{settings.File} was not imported[/]: {result.Errors.Count} error(s); nothing was written.");
            foreach (var error in result.Errors)
            {
                AnsiConsole.MarkupLineInterpolated($"  {settings.File}: {error}");
            }

            return 1;
        }

        if (result.ChangedNothing)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]Nothing to change[/]: every action in {settings.File} is already recorded as it says.");
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated(
            $"[green]Imported actions[/] from {settings.File}: {result.ActionsAdded} new, {result.ActionsChanged} changed, {result.StatusChanges} status change(s) recorded; {result.ReviewsAdded} review(s) and {result.RecommendationsAdded} recommendation(s) added.");
        // The engine follows the new actions up at once: any already overdue turns red there.
        await followUp.WakeAsync(cancellationToken);
        return 0;
    }
}

public sealed class ActionListSettings : DatabaseSettings
{
    [CommandOption("--review <REVIEW>")]
    [Description("Only this review's actions (its id or name).")]
    public string? Review { get; init; }

    [CommandOption("--agency <AGENCY>")]
    [Description("Only the actions this agency owns.")]
    public string? Agency { get; init; }

    [CommandOption("--status <STATUS>")]
    [Description("Only actions with this status: red, amber, green or blue.")]
    public string? Status { get; init; }

    [CommandOption("--proposed")]
    [Description("Only the actions closed rounds proposed, waiting for a manager to confirm them.")]
    public bool Proposed { get; init; }
}

/// <summary>The partnership's actions, review by review then round by round, with owner, due date and status.</summary>
public sealed class ActionListCommand(Database database, ActionStore actions, CaseReviewStore reviews) : AsyncCommand<ActionListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ActionListSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        RagStatus? status = null;
        if (settings.Status is not null)
        {
            status = RagStatuses.TryParse(settings.Status, out var s) ? s : throw new ArgumentException($"--status '{settings.Status}' is not a status: use {RagStatuses.NameList}.");
        }

        string? reviewId = null;
        if (settings.Review is not null)
        {
            reviewId = (await reviews.FindAsync(settings.Partnership, settings.Review, cancellationToken))?.ReviewId
                ?? throw new ArgumentException($"There is no case review '{settings.Review}'; 'deepdive review list' shows them.");
        }

        var list = await actions.ListAsync(settings.Partnership, new ActionFilter
        {
            ReviewId = reviewId,
            Agency = settings.Agency,
            Status = status,
            State = settings.Proposed ? ActionState.Proposed : null,
        }, cancellationToken);
        if (list.Count == 0)
        {
            AnsiConsole.MarkupLine(settings.Proposed ? "No action is waiting for a manager." : "No actions.");
            return 0;
        }

        var table = new Table().NoBorder().AddColumns("Action", "From", "Action", "Owner", "Due", "Status");
        foreach (var a in list)
        {
            var from = a.ReviewName is null ? $"round {a.RoundId}" : $"{a.ReviewName} {a.RecommendationNumber}".TrimEnd();
            table.AddRow(Markup.Escape(a.ActionId), Markup.Escape(from), Markup.Escape(a.Description), Markup.Escape(a.Owner),
                a.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Status is { } st ? RagStatuses.Name(st) : "proposed");
        }

        FittedTable.Write(AnsiConsole.Console, table);
        return 0;
    }
}

public class ActionSettings : DatabaseSettings
{
    [CommandArgument(0, "<ACTION>")]
    [Description("The action id, as action list shows it.")]
    public string Action { get; init; } = "";
}

/// <summary>An action in full, with every change of its status.</summary>
public sealed class ActionShowCommand(Database database, ActionStore actions) : AsyncCommand<ActionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ActionSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var a = await actions.GetAsync(settings.Partnership, settings.Action, cancellationToken)
            ?? throw new ArgumentException($"There is no action '{settings.Action}' in partnership '{settings.Partnership}'; 'deepdive action list' shows them.");
        var output = Console.Out;
        output.WriteLine($"Action {a.ActionId}: {a.Description}");
        output.WriteLine(a.ReviewName is null
            ? $"From: audit round {a.RoundId} ({a.CycleName}), task {a.TaskId}, case {a.CaseRef}"
            : $"From: {a.ReviewName}, recommendation {a.RecommendationText}");
        output.WriteLine($"Owner: {a.Owner}{(a.OwnerEmail is null ? "" : $" <{a.OwnerEmail}>")}");
        output.WriteLine($"Due: {UkFormat.Date(a.DueOn)}");
        output.WriteLine($"Status: {(a.Status is { } s ? $"{RagStatuses.Label(s)} ({RagStatuses.Meaning(s)})" : $"proposed, waiting for a manager: deepdive action confirm {a.ActionId} --by NAME")}");
        output.WriteLine($"Evidence: {a.Evidence ?? "none"}");
        output.WriteLine($"Recovery plan: {a.RecoveryPlan ?? "none"}");
        var history = await actions.HistoryAsync(settings.Partnership, a.ActionId, cancellationToken);
        if (history.Count > 0)
        {
            output.WriteLine("History:");
            foreach (var h in history)
            {
                output.WriteLine($"  {UkFormat.DateAndTime(h.AtUtc)}: {RagStatuses.Label(h.Status)}, by {h.ChangedBy}{(h.Automatic ? " (automatic)" : "")}"
                    + (h.Reason is null ? "" : $": {h.Reason}") + (h.Evidence is null ? "" : $"; evidence: {h.Evidence}"));
            }
        }

        return 0;
    }
}

public class ActionChangeSettings : ActionSettings
{
    [CommandOption("--by <NAME>")]
    [Description("Who makes the change (kept in the action's history). Required.")]
    public string By { get; init; } = "";

    [CommandOption("--status <STATUS>")]
    [Description("red, amber, green or blue (complete).")]
    public string? Status { get; init; }

    [CommandOption("--comment <TEXT>")]
    [Description("Why: required for red and amber; for blue, a justification when there is no evidence.")]
    public string? Comment { get; init; }

    [CommandOption("--evidence <TEXT>")]
    [Description("The evidence of progress or completion.")]
    public string? Evidence { get; init; }

    [CommandOption("--due <DATE>")]
    [Description("A new due date, yyyy-MM-dd.")]
    public string? Due { get; init; }

    [CommandOption("--description <TEXT>")]
    [Description("What the action is.")]
    public string? Description { get; init; }

    [CommandOption("--owner-agency <AGENCY>")]
    [Description("The agency that owns it.")]
    public string? OwnerAgency { get; init; }

    [CommandOption("--owner <NAME>")]
    [Description("The person who owns it.")]
    public string? Owner { get; init; }

    [CommandOption("--owner-email <EMAIL>")]
    [Description("Where the monthly update requests go.")]
    public string? OwnerEmail { get; init; }

    public ActionChange ToChange(string? recoveryPlan = null)
    {
        if (string.IsNullOrWhiteSpace(By))
        {
            throw new ArgumentException("--by is required: say who makes the change, for the action's history.");
        }

        RagStatus? status = null;
        if (Status is not null)
        {
            status = RagStatuses.TryParse(Status, out var s) ? s : throw new ArgumentException($"--status '{Status}' is not a status: use {RagStatuses.NameList}.");
        }

        DateOnly? due = null;
        if (Due is not null)
        {
            due = DateOnly.TryParseExact(Due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new ArgumentException($"--due '{Due}' is not a date in the form yyyy-MM-dd.");
        }

        return new ActionChange
        {
            Status = status, Comment = Comment, Evidence = Evidence, RecoveryPlan = recoveryPlan, DueOn = due, Description = Description,
            OwnerAgency = OwnerAgency, OwnerName = Owner, OwnerEmail = OwnerEmail,
        };
    }
}

public sealed class ActionConfirmSettings : ActionChangeSettings;

/// <summary>Confirms an action a closed round proposed (editing it as it goes): from then on it has a status and is followed up.</summary>
public sealed class ActionConfirmCommand(Database database, ActionUpdates updates, ActionScheduler followUp) : AsyncCommand<ActionConfirmSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ActionConfirmSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var action = await updates.ConfirmAsync(settings.Partnership, settings.Action, settings.ToChange(), settings.By, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]Action {action.ActionId} confirmed[/]: {action.Description}; owner {action.Owner}; due {UkFormat.Date(action.DueOn)}; {RagStatuses.Name(action.Status!.Value)}.");
        await followUp.WakeAsync(cancellationToken);
        return 0;
    }
}

public sealed class ActionUpdateSettings : ActionChangeSettings
{
    [CommandOption("--recovery-plan <TEXT>")]
    [Description("How a late action will be brought back on track (\"\" removes it).")]
    public string? RecoveryPlan { get; init; }
}

/// <summary>Changes an action: its status (with the comment and evidence the rules ask for), recovery plan, owner, due date.</summary>
public sealed class ActionUpdateCommand(Database database, ActionUpdates updates, ActionScheduler followUp) : AsyncCommand<ActionUpdateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ActionUpdateSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var action = await updates.UpdateAsync(settings.Partnership, settings.Action, settings.ToChange(settings.RecoveryPlan), settings.By, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]Action {action.ActionId} updated[/]: {RagStatuses.Name(action.Status!.Value)}; due {UkFormat.Date(action.DueOn)}.");
        await followUp.WakeAsync(cancellationToken);
        return 0;
    }
}
