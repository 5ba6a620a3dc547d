using System.ComponentModel;
using DeepDive.Cli.Tables;
using DeepDive.Domain.Assignment;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class DeclareConflictSettings : DatabaseSettings
{
    [CommandArgument(0, "<AUDITOR>")]
    [Description("The auditor id who has the conflict.")]
    public string Auditor { get; init; } = "";

    [CommandOption("--case <REF>")]
    [Description("A conflict with one case.")]
    public string? Case { get; init; }

    [CommandOption("--worker <ID>")]
    [Description("A conflict with every case of a worker (staff id).")]
    public string? Worker { get; init; }

    [CommandOption("--team <TEAM>")]
    [Description("A conflict with every case of a team.")]
    public string? Team { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("Why: a manager reads it when a task cannot be assigned.")]
    public string? Reason { get; init; }

    [CommandOption("--by <WHO>")]
    [Description("Who records the declaration. Default: the auditor.")]
    public string? By { get; init; }
}

/// <summary>Records a conflict of interest an auditor declared; the assign step keeps them off the cases it covers.</summary>
public sealed class DeclareConflictCommand(Database database, DeclaredConflictStore store) : AsyncCommand<DeclareConflictSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeclareConflictSettings settings, CancellationToken cancellationToken)
    {
        var given = new (ConflictSubject Kind, string? Value)[] { (ConflictSubject.Case, settings.Case), (ConflictSubject.Worker, settings.Worker), (ConflictSubject.Team, settings.Team) }
            .Where(g => g.Value is not null).ToList();
        if (given.Count != 1)
        {
            throw new ArgumentException("Give exactly one of --case <REF>, --worker <ID> or --team <TEAM>: what the conflict is with.");
        }

        if (string.IsNullOrWhiteSpace(settings.Reason))
        {
            throw new ArgumentException("Give the reason for the conflict with --reason \"...\", so a manager can see why the auditor is kept off these cases.");
        }

        Migrator.Upgrade(database);
        var (kind, subject) = given[0];
        var result = await store.DeclareAsync(settings.Partnership, settings.Auditor, kind, subject!, settings.Reason, settings.By ?? "", cancellationToken);
        var c = result.Conflict;
        AnsiConsole.MarkupLineInterpolated(
            $"[green]{(result.Replaced ? "Updated" : "Declared")}[/]: {c.AuditorId} has a conflict with {DeclaredConflict.Name(c.Kind)} {c.Subject} ({c.Reason}), recorded by {c.DeclaredBy}. Rounds from now on keep them off it.");
        if (result.Note is { } note)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Note:[/] {note}");
        }

        return 0;
    }
}

public sealed class ConflictListSettings : DatabaseSettings
{
    [CommandArgument(0, "[AUDITOR]")]
    [Description("Only this auditor's declared conflicts.")]
    public string? Auditor { get; init; }
}

/// <summary>Lists declared conflicts of interest, and the line-management links the auditor register records.</summary>
public sealed class ConflictListCommand(Database database, DeclaredConflictStore conflictStore, AuditorStore auditorStore) : AsyncCommand<ConflictListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ConflictListSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var conflicts = await conflictStore.ListAsync(settings.Partnership, settings.Auditor, cancellationToken);
        var auditors = await auditorStore.ListAsync(settings.Partnership, cancellationToken);
        var who = settings.Auditor is null ? "" : $" for {settings.Auditor}";
        if (conflicts.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"No declared conflicts{who}.");
        }
        else
        {
            var table = new Table().AddColumns("Auditor", "With", "Reason", "Recorded by", "When (UTC)");
            foreach (var c in conflicts)
            {
                table.AddRow(Markup.Escape(c.AuditorId), Markup.Escape($"{DeclaredConflict.Name(c.Kind)} {c.Subject}"), Markup.Escape(c.Reason),
                    Markup.Escape(c.DeclaredBy), $"{c.DeclaredUtc:yyyy-MM-dd HH:mm}");
            }

            FittedTable.Write(AnsiConsole.Console, table);
        }

        var managed = auditors.Where(a => a.Manager is not null && (settings.Auditor is null
            || string.Equals(a.AuditorId, settings.Auditor, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a.Manager, settings.Auditor, StringComparison.OrdinalIgnoreCase))).ToList();
        if (managed.Count > 0)
        {
            AnsiConsole.MarkupLine("Line management (from the auditor register; neither audits a case the other holds as its worker):");
            foreach (var a in managed)
            {
                AnsiConsole.MarkupLineInterpolated($"  {a.AuditorId} is managed by {a.Manager}");
            }
        }

        return 0;
    }
}
