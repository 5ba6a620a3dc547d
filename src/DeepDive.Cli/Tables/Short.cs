using System.Globalization;
using Spectre.Console;

namespace DeepDive.Cli.Tables;

/// <summary>Short forms of the values tables show, and the numbered list of details that goes below a table.</summary>
public static class Short
{
    /// <summary>A date and time in one short column: <c>Mon 04 Jan 09:00</c>.</summary>
    public static string DateTime(DateTime value) => value.ToString("ddd dd MMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A date and time with its year, for lists that span years: <c>2027-01-04 09:00</c>.</summary>
    public static string Stamp(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Writes details below a table as a numbered list (nothing when there are none); the text is plain, not markup.</summary>
    public static void WriteList(IAnsiConsole console, IReadOnlyList<string> items)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().RightAligned()).AddColumn();
        for (var i = 0; i < items.Count; i++)
        {
            grid.AddRow(new Text($"{i + 1}."), new Text(items[i]));
        }

        if (items.Count > 0)
        {
            console.Write(grid);
        }
    }
}
