using System.Globalization;
using DeepDive.Domain.Rounds;
using DeepDive.Simulation;
using Spectre.Console;

namespace DeepDive.Cli.Tables;

/// <summary>The tables of <c>deepdive simulate</c>, shaped to read in an 80-column terminal: short values, details below.</summary>
public static class PreviewTables
{
    public static void Write(IAnsiConsole console, ProgrammePreview preview)
    {
        WriteRounds(console, preview.Rounds);
        console.WriteLine();
        WriteMonths(console, preview.Months);
        console.WriteLine();
        WriteWorkload(console, preview);
    }

    /// <summary>One row a round; why a round moved or what happened to it is listed below the table, not in a column.</summary>
    public static void WriteRounds(IAnsiConsole console, IReadOnlyList<ProgrammePreview.Round> rounds)
    {
        var table = new Table().Border(TableBorder.Minimal).Title("[bold]Rounds[/] (UK time)")
            .AddColumns("ran", "cycle", "kind").AddColumns(Numbers("cases", "tasks", "late")).AddColumn("status")
            .Caption("* moved or noted below; late: tasks submitted after their deadline");
        // Without the outer padding the demo programme's rounds fit 80 columns exactly.
        table.Columns[0].PadLeft(0);
        table.Columns[^1].PadRight(0);
        var notes = new List<string>();
        foreach (var r in rounds)
        {
            var moved = r.StartedLocal.Date != r.ScheduledForLocal.Date;
            var ran = Short.DateTime(r.StartedLocal);
            if (moved || r.Note is not null)
            {
                notes.Add($"{ran} {r.CycleId}: {(moved ? $"due {Short.DateTime(r.ScheduledForLocal)}; " : "")}{r.Note}".TrimEnd(' ', ';'));
                ran = $"[yellow]{ran}*[/]";
            }

            table.AddRow(ran, Markup.Escape(r.CycleId), Markup.Escape(r.Kind), $"{r.Cases}", $"{r.Tasks}", $"{r.TasksLate}",
                r.Status == RoundStatus.InProgress ? "open" : Markup.Escape(r.Status));
        }

        FittedTable.Write(console, table);
        Short.WriteList(console, notes);
    }

    public static void WriteMonths(IAnsiConsole console, IReadOnlyList<ProgrammePreview.Month> months)
    {
        var table = new Table().Border(TableBorder.Minimal).Title("[bold]Month by month[/]")
            .AddColumn("month").AddColumns(Numbers("tasks given", "due", "late", "reminders", "escalations", "re-audits"))
            .Caption("due, re-audits: falling due that month; late: tasks submitted late");
        foreach (var m in months)
        {
            table.AddRow(m.Start.ToString("MMM yyyy", CultureInfo.InvariantCulture), $"{m.TasksOpened}", $"{m.TasksDue}", $"{m.TasksLate}",
                $"{m.Reminders}", $"{m.Escalations}", $"{m.ReAuditsDue}");
        }

        FittedTable.Write(console, table);
    }

    /// <summary>The busiest auditors' tasks per month, a table for each twelve months so that a long preview still fits.</summary>
    public static void WriteWorkload(IAnsiConsole console, ProgrammePreview preview)
    {
        var busiest = preview.Workload.Take(12).ToList();
        console.MarkupLineInterpolated($"[bold]Workload[/]: tasks per auditor per month, the busiest {busiest.Count} of {preview.Workload.Count}");
        for (var first = 0; first < preview.Months.Count; first += 12)
        {
            var months = preview.Months.Skip(first).Take(12).ToList();
            var table = new Table().Border(TableBorder.Simple).AddColumn("auditor").AddColumn(Numeral("cap"))
                .AddColumns(months.Select(m => Numeral(m.Start.ToString("MMM", CultureInfo.InvariantCulture)).PadLeft(0).PadRight(0)).ToArray())
                .Caption("cap: tasks a month the auditor can take; ! (red): more than that");
            if (months.Count < preview.Months.Count)
            {
                table.Title($"{months[0].Start:MMM yyyy} to {months[^1].Start:MMM yyyy}");
            }

            foreach (var a in busiest)
            {
                table.AddRow([Markup.Escape(a.AuditorId), $"{a.MonthlyCapacity}",
                    .. a.TasksPerMonth.Skip(first).Take(12).Select(n => n > a.MonthlyCapacity ? $"[red]{n}![/]" : n == 0 ? "[grey].[/]" : $"{n}")]);
            }

            FittedTable.Write(console, table);
        }
    }

    private static TableColumn[] Numbers(params string[] headers) => headers.Select(Numeral).ToArray();

    private static TableColumn Numeral(string header) => new TableColumn(header).RightAligned();
}
