using DeepDive.Cli.Tables;
using DeepDive.Simulation;

namespace DeepDive.Cli.Tests.Tables;

/// <summary><c>deepdive simulate</c>'s tables in an 80-column terminal: every date, kind and number whole, notes below.</summary>
public sealed class PreviewTablesTests
{
    [Fact]
    public void Rounds_of_the_demo_programme_fit_80_columns_as_a_table_with_one_date_time_column_and_notes_below()
    {
        var console = Narrow.Console();

        PreviewTables.WriteRounds(console, [
            Round("domestic-abuse", "scheduled", new DateTime(2027, 1, 4, 9, 0, 0), new DateTime(2027, 1, 4, 9, 0, 0), null, "closed"),
            Round("education-s175", "scheduled", new DateTime(2027, 5, 3, 9, 0, 0), new DateTime(2027, 5, 4, 9, 0, 0), "Early May bank holiday", "closed"),
            Round("participation", "re-audit", new DateTime(2027, 12, 29, 10, 0, 0), new DateTime(2027, 12, 29, 10, 0, 0), null, "in-progress"),
        ]);

        Narrow.ShouldShowWhole(console, "Mon 04 Jan 09:00", "Tue 04 May 09:00*", "domestic-abuse", "education-s175", "scheduled", "re-audit", "open",
            "Tue 04 May 09:00 education-s175: due Mon 03 May 09:00;");
        Narrow.Lines(console).Should().Contain(l => l.Contains("Wed 29 Dec 10:00", StringComparison.Ordinal) && l.Contains("participation", StringComparison.Ordinal),
            "each round is one line of a table at 80 columns:\n" + console.Output);
    }

    [Fact]
    public void Rounds_with_a_cycle_id_too_long_for_a_table_are_listed_with_each_value_whole()
    {
        var console = Narrow.Console();

        PreviewTables.WriteRounds(console, [
            Round("safeguarding-in-education-2027", "scheduled", new DateTime(2027, 9, 6, 9, 0, 0), new DateTime(2027, 9, 6, 9, 0, 0), null, "closed"),
            Round("neglect-quarterly", "re-audit", new DateTime(2027, 11, 30, 10, 0, 0), new DateTime(2027, 11, 30, 10, 0, 0), null, "closed"),
        ]);

        Narrow.ShouldShowWhole(console, "safeguarding-in-education-2027", "Mon 06 Sep 09:00", "Tue 30 Nov 10:00", "scheduled", "re-audit");
    }

    [Fact]
    public void Months_fit_80_columns_with_every_header_whole()
    {
        var console = Narrow.Console();

        PreviewTables.WriteMonths(console, [.. Enumerable.Range(0, 12).Select(i => new ProgrammePreview.Month(new DateOnly(2027, 1, 1).AddMonths(i), 29 + i, 127, 16, 118, 41, 2))]);

        Narrow.ShouldShowWhole(console, "tasks given", "reminders", "escalations", "re-audits", "Dec 2027");
        Narrow.Lines(console).Should().Contain(l => l.Contains("Jan 2027", StringComparison.Ordinal) && l.Contains("118", StringComparison.Ordinal) && l.Contains("41", StringComparison.Ordinal));
    }

    [Fact]
    public void Workload_fits_80_columns_with_the_auditor_ids_and_months_whole_even_over_two_years()
    {
        var console = Narrow.Console();
        var months = Enumerable.Range(0, 24).Select(i => new ProgrammePreview.Month(new DateOnly(2027, 1, 1).AddMonths(i), 0, 0, 0, 0, 0, 0)).ToList();
        var workload = Enumerable.Range(1, 14).Select(i => new ProgrammePreview.AuditorLoad($"A-early-help-{i:00}", "", 4,
            [.. Enumerable.Range(0, 24).Select(m => (i + m) % 13)])).ToList();

        PreviewTables.WriteWorkload(console, new ProgrammePreview([], months, workload));

        Narrow.ShouldShowWhole(console, "busiest 12 of 14", "Jan 2027 to Dec 2027", "Jan 2028 to Dec 2028", "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec");
        var lines = Narrow.Lines(console);
        lines.Count(l => l.Contains("A-early-help-05", StringComparison.Ordinal)).Should().Be(2, "one line a year:\n" + console.Output);
        lines.Should().Contain(l => l.Contains("A-early-help-05", StringComparison.Ordinal) && l.Contains("4   5!  6!  7!  8!", StringComparison.Ordinal),
                "an auditor's year is one line, each month's tasks whole:\n" + console.Output)
            .And.NotContain(l => l.Contains("A-early-help-13", StringComparison.Ordinal));
    }

    private static ProgrammePreview.Round Round(string cycle, string kind, DateTime due, DateTime ran, string? note, string status) =>
        new($"{cycle}-{ran:yyyyMMdd}", cycle, kind, due, ran, note, 10, 29, 6, status);
}
