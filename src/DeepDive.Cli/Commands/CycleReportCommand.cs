using System.Globalization;
using DeepDive.Cli.Tables;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

/// <summary>A cycle's status, rounds (late ones marked), re-audits with their results rolled up, and history.</summary>
public sealed class CycleReportCommand(Database database, TimeProvider clock) : AsyncCommand<CycleIdSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CycleIdSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var report = await CycleReport.LoadAsync(database, clock, settings.Partnership, settings.Cycle, cancellationToken);
        if (report is null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]There is no cycle '{settings.Cycle}' in partnership '{settings.Partnership}'.[/]");
            return 1;
        }

        var cycle = report.Cycle.Definition;
        var zone = cycle.Schedule.TimeZone;
        string Local(DateTime utc) => CycleFileInput.Local(utc, zone);
        AnsiConsole.MarkupLineInterpolated($"Cycle '{cycle.Id}': {cycle.Name} ({report.Cycle.Status}); schedule {cycle.Schedule.ToCron()} ({zone})");

        var rounds = new Table().Title("Rounds").AddColumns("Round", "Kind", "Scheduled for", "Started", "Late", "Status", "Cases", "Needs work", "Note");
        foreach (var r in report.Rounds)
        {
            rounds.AddRow(r.RoundId, r.Kind, Local(r.ScheduledForUtc), Local(r.StartedUtc), r.Late != 0 ? "late" : "", r.Status,
                r.Cases.ToString(CultureInfo.InvariantCulture), r.NeedsWork.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Note ?? ""));
        }

        FittedTable.Write(AnsiConsole.Console, rounds);

        var reAudits = new Table().Title("Re-audits").AddColumns("Of round", "Due", "Status", "Re-audit round", "Improved", "Same", "Worse", "Note");
        foreach (var a in report.ReAudits)
        {
            reAudits.AddRow(a.SourceRoundId, Local(a.DueUtc), a.Status, a.ReAuditRoundId ?? "", a.Improved.ToString(CultureInfo.InvariantCulture),
                a.Same.ToString(CultureInfo.InvariantCulture), a.Worse.ToString(CultureInfo.InvariantCulture), Markup.Escape(a.Note ?? ""));
        }

        FittedTable.Write(AnsiConsole.Console, reAudits);
        AnsiConsole.MarkupLineInterpolated($"Re-audit results: improved {report.Improved}, same {report.Same}, worse {report.Worse}");
        FailedFiringsView.Write(AnsiConsole.Console, report.FailedFirings, _ => zone);

        var history = new Table().Title("History").AddColumns("When", "What", "Detail");
        foreach (var e in report.History)
        {
            history.AddRow(Local(e.AtUtc), e.Action, Markup.Escape(e.Detail ?? ""));
        }

        FittedTable.Write(AnsiConsole.Console, history);
        return 0;
    }
}
