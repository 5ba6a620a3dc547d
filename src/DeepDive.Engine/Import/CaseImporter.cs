using DeepDive.Domain.Cases;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Import;

/// <summary>
/// Imports an agency's case register export (CSV, see docs/import.md). A file with any error is rejected whole;
/// a valid one is written in one transaction, and a case reference already registered is updated.
/// </summary>
public sealed partial class CaseImporter(Database database, TimeProvider clock)
{
    internal static readonly CsvColumns Columns = new(
        ["case_ref", "agency", "case_type", "team", "worker", "school", "opened", "closed", "involved_agencies", "family_ref", "age_band", "tags"],
        ["case_ref", "agency", "case_type", "team", "worker", "opened"]);

    private readonly CaseStore store = new(database, clock);

    public Task<ImportResult> ImportAsync(string partnershipId, TextReader csv, CancellationToken cancellationToken)
    {
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        return CsvImport.RunAsync(
            database, clock, partnershipId, csv, Columns,
            row => Read(row, firstLineOf),
            (cases, connection, transaction) => store.UpsertAsync(partnershipId, cases, connection, transaction, cancellationToken),
            cancellationToken);
    }

    private static CaseRecord? Read(ImportRow row, Dictionary<string, int> firstLineOf)
    {
        var caseRef = row.Required("case_ref");
        if (caseRef.Any(char.IsWhiteSpace))
        {
            // Not echoed: a value with spaces may be a child's name.
            row.Fail("case_ref", "contains a space, so it may be a name; use the agency's pseudonymised case reference (such as CSC-2025-000123), never a name");
        }
        else if (caseRef.Length > 0 && !firstLineOf.TryAdd(caseRef, row.Line))
        {
            row.Fail("case_ref", $"{caseRef} is already on line {firstLineOf[caseRef]}; each case_ref may appear only once in a file");
        }

        var agency = row.Required("agency");
        var caseType = row.Required("case_type");
        var team = row.Required("team");
        var worker = row.Required("worker");
        var school = row.Optional("school");
        var opened = row.RequiredDate("opened");
        var closed = row.OptionalDate("closed");
        if (opened is { } o && closed is { } c && c < o)
        {
            row.Fail("closed", $"closed {c:yyyy-MM-dd} is before opened {o:yyyy-MM-dd}");
        }

        var involved = row.List("involved_agencies");
        var familyRef = row.Optional("family_ref");
        if (familyRef is not null && familyRef.Any(char.IsWhiteSpace))
        {
            row.Fail("family_ref", "contains a space, so it may be a name; use the agency's pseudonymised family or household reference, never a name");
        }

        var ageBand = row.Optional("age_band");
        if (ageBand is not null && !CaseRecord.AgeBands.Contains(ageBand))
        {
            // Not echoed: a value that is not a band may be a date of birth.
            row.Fail("age_band", $"is not an age band; use one of {string.Join(", ", CaseRecord.AgeBands)} (never a date of birth)");
        }

        var tags = row.List("tags");
        foreach (var tag in tags.Where(t => !TagForm().IsMatch(t)))
        {
            row.Fail("tags", $"'{tag}' is not a tag: use lowercase letters, digits and single hyphens, e.g. neglect");
        }

        return row.IsValid && opened is { } openedOn
            ? new CaseRecord(caseRef, agency, caseType, team, worker, school, openedOn, closed, involved)
            {
                FamilyRef = familyRef,
                AgeBand = ageBand,
                Tags = tags,
            }
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex TagForm();
}
