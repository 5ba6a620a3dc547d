using DeepDive.Domain.Calendars;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Import;

/// <summary>
/// Imports a partnership's school term dates (CSV: term, start, end; see docs/import.md); the school holidays are the
/// days between the terms. A file with any error is rejected whole. A valid one replaces the stored terms that
/// overlap the dates it spans, in one transaction, and keeps the others (earlier or later years).
/// </summary>
public sealed class SchoolTermImporter(Database database, TimeProvider clock)
{
    internal static readonly CsvColumns Columns = new(["term", "start", "end"], ["start", "end"]);

    private readonly SchoolTermStore store = new(database, clock);

    public async Task<ImportResult> ImportAsync(string partnershipId, TextReader csv, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        ArgumentNullException.ThrowIfNull(csv);
        var table = await CsvTable.ReadAsync(csv, Columns, cancellationToken);
        var errors = new List<ImportError>(table.Errors);
        var terms = new List<(int Line, SchoolTerm Term)>();
        foreach (var row in table.Rows)
        {
            if (Read(row, terms.Count + 1) is { } term)
            {
                terms.Add((row.Line, term));
            }

            errors.AddRange(row.Errors);
        }

        if (errors.Count == 0 && table.Rows.Count == 0)
        {
            errors.Add(new ImportError(1, "start", "the file has no terms; give one row per term with its start and end dates"));
        }

        // Overlaps are reported beside the rows' own errors; a long gap only when no row is missing through an error of its own.
        errors.AddRange(CheckSequence(terms, checkGaps: errors.Count == 0));

        if (errors.Count > 0)
        {
            return new ImportResult(0, 0, errors.OrderBy(e => e.Line).ToList());
        }

        var partnerships = new PartnershipStore(database, clock);
        var replaced = await database.InTransactionAsync(async (connection, transaction) =>
        {
            await partnerships.EnsureAsync(partnershipId, partnershipId, connection, transaction, cancellationToken);
            return await store.ReplaceSpanAsync(partnershipId, terms.Select(t => t.Term).ToList(), connection, transaction, cancellationToken);
        }, cancellationToken);
        return new ImportResult(terms.Count, replaced, []);
    }

    private static SchoolTerm? Read(ImportRow row, int number)
    {
        var name = row.Optional("term") ?? $"term {number}";
        var start = row.RequiredDate("start");
        var end = row.RequiredDate("end");
        if (start is { } s && end is { } e && e < s)
        {
            row.Fail("end", $"the term ends on {e:yyyy-MM-dd}, before it starts on {s:yyyy-MM-dd}");
        }

        return row.IsValid && start is { } first && end is { } last
            ? new SchoolTerm(DateOnly.FromDateTime(first), DateOnly.FromDateTime(last), name)
            : null;
    }

    /// <summary>Terms in date order must not overlap, and the gap between two must be a plausible holiday, not a missing term.</summary>
    private static IEnumerable<ImportError> CheckSequence(List<(int Line, SchoolTerm Term)> terms, bool checkGaps)
    {
        var ordered = terms.OrderBy(t => t.Term.Starts).ThenBy(t => t.Line).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (previousLine, previous) = ordered[i - 1];
            var (line, term) = ordered[i];
            if (term.Starts <= previous.Ends)
            {
                yield return new ImportError(line, "start",
                    $"the term starts on {term.Starts:yyyy-MM-dd}, before the term on line {previousLine} ends ({previous.Ends:yyyy-MM-dd}); terms must not overlap");
                continue;
            }

            var gap = term.Starts.DayNumber - previous.Ends.DayNumber - 1;
            if (checkGaps && gap > SchoolHoliday.LongestDays)
            {
                yield return new ImportError(line, "start",
                    $"the term starts {gap} days after the term on line {previousLine} ends ({previous.Ends:yyyy-MM-dd}); a school holiday is at most {SchoolHoliday.LongestDays} days, so a term seems to be missing");
            }
        }
    }
}
