using CsvHelper;

namespace DeepDive.Engine.Import;

/// <summary>
/// Reads an import file with CsvHelper (RFC 4180, comma separated, header required) and checks its shape:
/// the header against the known columns, the quoting, and the number of values on each row.
/// </summary>
internal sealed record CsvTable(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors)
{
    // An unclosed quote near the top of a big file must not read the whole file into one value.
    private const int MaxRecordBytes = 1 << 20;

    public static async Task<CsvTable> ReadAsync(TextReader text, CsvColumns columns, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var rows = new List<ImportRow>();
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = m => malformed.TryAdd(m.LineNumber, m.Reason),
        };

        await using var reader = CsvReader.Create(text, options, leaveOpen: true);
        var line = 1;
        try
        {
            await reader.ReadHeaderAsync(cancellationToken);
            var header = reader.Headers.Select((h, i) => (i == 0 ? h.TrimStart('\uFEFF') : h).Trim()).ToList();
            if (header.Count == 0)
            {
                errors.Add(new ImportError(1, "header", $"the file is empty; its first line must name the columns: {columns.KnownList}"));
                return new CsvTable(rows, errors);
            }

            line = (int)Math.Max(1, reader.LineNumber);
            if (malformed.Remove(line, out var headerReason))
            {
                errors.Add(new ImportError(line, "header", Describe(headerReason)));
            }

            var fieldOf = ReadHeader(header, columns, line, errors);
            if (errors.Count > 0)
            {
                return new CsvTable(rows, errors);
            }

            while (await reader.ReadAsync(cancellationToken))
            {
                line = (int)reader.LineNumber;
                if (ReadRow(reader, header, fieldOf, line, malformed, errors) is { } row)
                {
                    rows.Add(row);
                }
            }
        }
        catch (CsvFormatException e)
        {
            var at = e.LineNumber > 0 ? (int)e.LineNumber : line;
            errors.Add(new ImportError(at, "row", $"the file cannot be read from here on: {e.Message}"));
        }

        return new CsvTable(rows, errors);
    }

    /// <summary>Maps each known column to its field; reports unknown, repeated and missing columns.</summary>
    private static Dictionary<string, int> ReadHeader(List<string> header, CsvColumns columns, int line, List<ImportError> errors)
    {
        var fieldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].ToLowerInvariant();
            if (name.Length == 0)
            {
                continue; // A column without a name is allowed while it stays empty (spreadsheets add them).
            }

            if (!columns.Known.Contains(name))
            {
                errors.Add(new ImportError(line, header[i], $"unknown column; the known columns are {columns.KnownList}"));
            }
            else if (!fieldOf.TryAdd(name, i))
            {
                errors.Add(new ImportError(line, name, "the column appears more than once"));
            }
        }

        foreach (var required in columns.Required.Where(r => !fieldOf.ContainsKey(r)))
        {
            errors.Add(new ImportError(line, required, "missing column"));
        }

        return fieldOf;
    }

    private static ImportRow? ReadRow(
        CsvReader reader, List<string> header, Dictionary<string, int> fieldOf, int line,
        Dictionary<long, CsvMalformedReason> malformed, List<ImportError> errors)
    {
        if (malformed.Remove(line, out var reason))
        {
            errors.Add(new ImportError(line, ColumnWithBadQuotes(reader, header), Describe(reason)));
            return null;
        }

        var count = reader.FieldCount;
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.GetString(i).Trim();
        }

        if (values.All(v => v.Length == 0))
        {
            return null; // A line of separators only, as spreadsheets write below the data.
        }

        var shape = $"the row has {count} values but the header has {header.Count} columns";
        if (count < header.Count)
        {
            errors.Add(new ImportError(line, ColumnName(header, count), shape));
            return null;
        }

        var stray = Enumerable.Range(0, count).FirstOrDefault(i => values[i].Length > 0 && (i >= header.Count || header[i].Length == 0), -1);
        if (stray >= 0)
        {
            var why = stray >= header.Count ? shape : "a value in a column that has no name in the header";
            errors.Add(new ImportError(line, ColumnName(header, stray), why));
            return null;
        }

        return new ImportRow(line, fieldOf.ToDictionary(c => c.Key, c => values[c.Value], StringComparer.Ordinal));
    }

    /// <summary>The header name of a field, or its 1-based position where it has none.</summary>
    private static string ColumnName(List<string> header, int field) =>
        field < header.Count && header[field].Length > 0 ? header[field].ToLowerInvariant() : (field + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first field whose raw text breaks RFC 4180 quoting; CsvHelper reports the record, not the field.</summary>
    private static string ColumnWithBadQuotes(CsvReader reader, List<string> header)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (!IsWellQuoted(reader.GetRawSpan(i).Trim(" \t"u8)))
            {
                return ColumnName(header, i);
            }
        }

        return ColumnName(header, 0);
    }

    private static bool IsWellQuoted(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty || raw[0] != (byte)'"')
        {
            return !raw.Contains((byte)'"');
        }

        var i = 1;
        while (true)
        {
            var quote = raw[i..].IndexOf((byte)'"');
            if (quote < 0)
            {
                return false;
            }

            i += quote;
            if (i + 1 < raw.Length && raw[i + 1] == (byte)'"')
            {
                i += 2; // An escaped quote.
                continue;
            }

            return i == raw.Length - 1;
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote =>
            "a quote inside a value that does not start with one; put the whole value in quotes and double each quote inside it",
        CsvMalformedReason.TextAfterClosingQuote =>
            "text after the closing quote; double each quote inside a quoted value",
        CsvMalformedReason.UnterminatedQuote =>
            "a quoted value is never closed, so the rest of the file ran into it",
        _ => $"the row is malformed ({reason})",
    };
}
