using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Components;

/// <summary>
/// A CSV file download written row by row as the rows are read, so an export of any size never sits in memory.
/// Values are quoted as RFC 4180 says; one that a spreadsheet would run as a formula (starting =, +, -, @) is
/// prefixed with an apostrophe, so an export opened in a spreadsheet cannot run anything put into the data.
/// </summary>
public sealed class CsvDownload(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "no-store";
        var cancellationToken = context.HttpContext.RequestAborted;
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
        await writer.WriteAsync(Line(header));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(row));
        }

        await writer.FlushAsync(cancellationToken);
    }

    public static string Line(IEnumerable<string?> values) => string.Join(',', values.Select(Cell)) + "\r\n";

    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
