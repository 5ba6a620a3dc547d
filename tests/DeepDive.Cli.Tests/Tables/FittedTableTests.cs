using DeepDive.Cli.Tables;
using Spectre.Console;

namespace DeepDive.Cli.Tests.Tables;

/// <summary>Any table the CLI prints, in an 80-column terminal: as a table when it fits, else as a list that breaks no value.</summary>
public sealed class FittedTableTests
{
    [Fact]
    public void A_table_that_fits_is_written_as_a_table()
    {
        var console = Narrow.Console();
        var table = new Table().AddColumns("Date", "Day", "Holiday");
        table.AddRow("2027-12-27", "Monday", "Christmas Day (substitute day)");

        FittedTable.Write(console, table);

        Narrow.Lines(console).Should().Contain(l => l.Contains("│ 2027-12-27 │ Monday │ Christmas Day (substitute day) │", StringComparison.Ordinal), console.Output);
    }

    [Fact]
    public void A_table_whose_long_headers_alone_are_too_wide_wraps_the_headers_between_words_and_keeps_every_value_on_its_row()
    {
        var console = Narrow.Console();
        var table = new Table().AddColumns("database", "cases", "draw live heap MB", "heap with garbage MB", "working set MB", "ordered floor s");
        table.AddRow("PostgreSQL", "2,000,000", "118.4", "1,402.7", "1,688", "12.345");

        FittedTable.Write(console, table);

        Narrow.ShouldShowWhole(console, "│ PostgreSQL │ 2,000,000 │ 118.4 │ 1,402.7 │ 1,688", "garbage");
    }

    [Fact]
    public void A_table_too_wide_for_the_terminal_is_written_as_a_list_with_every_value_whole()
    {
        var console = Narrow.Console();
        var table = new Table().Title("Notifications").AddColumns("created (UTC)", "kind", "to", "subject", "status", "attempts", "delivered / next try", "last error");
        table.AddRow("2027-03-08 08:00", "escalation", Markup.Escape("Priya Shah <priya.shah@council.example>"), "Deep-dive task T-neglect-2027-03-0004 is 3 days late",
            "failed", "3", "2027-03-08 09:00", "SMTP 550: mailbox unavailable");

        FittedTable.Write(console, table);

        Narrow.ShouldShowWhole(console, "created (UTC)", "2027-03-08 08:00", "kind", "escalation", "priya.shah@council.example", "T-neglect-2027-03-0004",
            "delivered / next try", "SMTP 550: mailbox unavailable");
        Narrow.Lines(console).Should().NotContain(l => l.Contains('│'), "a list has no columns to wrap:\n" + console.Output)
            .And.Contain(l => l.StartsWith("last error ", StringComparison.Ordinal) && l.Contains("SMTP 550", StringComparison.Ordinal), "each value stands beside its column's name");
    }
}
