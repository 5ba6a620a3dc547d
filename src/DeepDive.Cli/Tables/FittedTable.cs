using Spectre.Console;
using Spectre.Console.Rendering;

namespace DeepDive.Cli.Tables;

/// <summary>
/// Writes a table as it is when it fits the terminal (its headers wrapped between words if need be), and otherwise as a
/// list, one block of "column value" lines a row, so that a narrow terminal never breaks a value across lines.
/// </summary>
public static class FittedTable
{
    private const int Unlimited = 100_000;

    public static void Write(IAnsiConsole console, Table table) => console.Write(Fit(console, table));

    public static IRenderable Fit(IAnsiConsole console, Table table)
    {
        var width = console.Profile.Width;
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var natural = ((IRenderable)table).Measure(options, Unlimited).Max;
        if (natural <= width)
        {
            return table;
        }

        // A header may wrap between its words; a value may not. Narrow the columns to that and keep the table if it then fits.
        var needs = table.Columns.Select((column, i) =>
        {
            var header = column.Header.Measure(options, Unlimited);
            var cells = table.Rows.Select(row => row.ElementAt(i).Measure(options, Unlimited).Max).DefaultIfEmpty(0).Max();
            return (Column: column, Need: Math.Max(header.Min, cells), Natural: Math.Max(header.Max, cells));
        }).ToList();
        if (natural - needs.Sum(n => n.Natural - n.Need) > width)
        {
            return AsList(table, options, width);
        }

        foreach (var (column, need, _) in needs.Where(n => n.Need < n.Natural))
        {
            column.Width = need;
        }

        return table;
    }

    private static Rows AsList(Table table, RenderOptions options, int width)
    {
        var blocks = new List<IRenderable>();
        if (table.Title is { } title)
        {
            blocks.Add(new Markup(title.Text, title.Style));
        }

        foreach (var row in table.Rows)
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
            foreach (var (column, cell) in table.Columns.Zip(row))
            {
                if (cell.Measure(options, width).Max > 0)
                {
                    grid.AddRow(column.Header, cell);
                }
            }

            blocks.Add(new Padder(grid, new Padding(0, 1, 0, 0)));
        }

        if (table.Caption is { } caption)
        {
            blocks.Add(new Padder(new Markup(caption.Text, caption.Style), new Padding(0, 1, 0, 0)));
        }

        return new Rows(blocks);
    }
}
