using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace DeepDive.Web.Components;

/// <summary>
/// Turns the Markdown that DeepDive writes (learning briefs, school feedback: headings, bullet lists, paragraphs, rules
/// and pipe tables, see Engine/Learning/LearningMarkdown.cs) into GOV.UK-styled HTML. Every piece of text is
/// HTML-encoded and no raw HTML or link syntax is honoured, so nothing in a paper can inject markup. Written by hand
/// because that subset is a few lines, while a general Markdown library would need configuring to be this safe and
/// is not among the served packages.
/// </summary>
public static class MarkdownHtml
{
    public static IHtmlContent Render(string markdown)
    {
        var html = new StringBuilder();
        var paragraph = new List<string>();
        var list = new List<string>();
        var table = new List<string>();

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p class=\"govuk-body\">").Append(Encode(string.Join(' ', paragraph))).Append("</p>\n");
                paragraph.Clear();
            }

            if (list.Count > 0)
            {
                html.Append("<ul class=\"govuk-list govuk-list--bullet\">\n");
                foreach (var item in list)
                {
                    html.Append("<li>").Append(Encode(item)).Append("</li>\n");
                }

                html.Append("</ul>\n");
                list.Clear();
            }

            if (table.Count > 0)
            {
                AppendTable(html, table);
                table.Clear();
            }
        }

        foreach (var raw in (markdown ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('|'))
            {
                if (table.Count == 0)
                {
                    Flush();
                }

                table.Add(trimmed);
                continue;
            }

            if (trimmed.Length == 0)
            {
                Flush();
            }
            else if (Heading(trimmed) is var (level, text) && level > 0)
            {
                Flush();
                var (tag, css) = level switch { 1 => ("h1", "govuk-heading-l"), 2 => ("h2", "govuk-heading-m"), _ => ("h3", "govuk-heading-s") };
                html.Append('<').Append(tag).Append(" class=\"").Append(css).Append("\">").Append(Encode(text)).Append("</").Append(tag).Append(">\n");
            }
            else if (trimmed is "---" or "***" or "___")
            {
                Flush();
                html.Append("<hr class=\"govuk-section-break govuk-section-break--l govuk-section-break--visible\">\n");
            }
            else if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
            {
                if (paragraph.Count > 0 || table.Count > 0)
                {
                    Flush();
                }

                list.Add(trimmed[2..].Trim());
            }
            else
            {
                if (list.Count > 0 || table.Count > 0)
                {
                    Flush();
                }

                paragraph.Add(trimmed);
            }
        }

        Flush();
        return new HtmlString(html.ToString());
    }

    private static (int Level, string Text) Heading(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is > 0 and <= 6 && level < line.Length && line[level] == ' ' ? (level, line[(level + 1)..].Trim()) : (0, "");
    }

    private static void AppendTable(StringBuilder html, List<string> rows)
    {
        var cells = rows.Select(Cells).ToList();
        var hasHeader = cells.Count > 1 && cells[1].All(c => c.Length > 0 && c.Trim(':').Length > 0 && c.Trim(':').All(ch => ch == '-'));
        html.Append("<table class=\"govuk-table\">\n");
        if (hasHeader)
        {
            html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
            foreach (var cell in cells[0])
            {
                html.Append("<th scope=\"col\" class=\"govuk-table__header\">").Append(Encode(cell)).Append("</th>");
            }

            html.Append("</tr></thead>\n");
        }

        html.Append("<tbody class=\"govuk-table__body\">\n");
        foreach (var row in cells.Skip(hasHeader ? 2 : 0))
        {
            html.Append("<tr class=\"govuk-table__row\">");
            foreach (var cell in row)
            {
                html.Append("<td class=\"govuk-table__cell\">").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    /// <summary>The cells of a pipe-table row; <c>\|</c> is a pipe inside a cell.</summary>
    private static List<string> Cells(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var text = row.Trim();
        for (var i = text.StartsWith('|') ? 1 : 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (text[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(text[i]);
            }
        }

        if (cell.ToString().Trim().Length > 0)
        {
            cells.Add(cell.ToString().Trim());
        }

        return cells;
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
