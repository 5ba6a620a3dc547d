using Spectre.Console;
using Spectre.Console.Rendering;

namespace DeepDive.Cli.Tables;

/// <summary>
/// Writes a table as it is when it fits the terminal, and otherwise as a list, one block of "column value" lines a row,
/// so that a narrow terminal never breaks a value in the middle of a word.
/// </summary>
public static class FittedTable
{
    public static void Write(IAnsiConsole console, Table table) => console.Write(Fit(console, table));

    public static IRenderable Fit(IAnsiConsole console, Table table)
    {
        var width = console.Profile.Width;
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        return ((IRenderable)table).Measure(options, 100_000).Max <= width ? table : AsList(table, options, width);
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
