using DeepDive.Domain.Auditors;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Import;

/// <summary>
/// Imports the partnership's auditors (CSV, see docs/import.md). A file with any error is rejected whole;
/// a valid one is written in one transaction, and an auditor id already registered is updated.
/// </summary>
public sealed class AuditorImporter(Database database, TimeProvider clock)
{
    private const int MaxMonthlyCapacity = 100;

    internal static readonly CsvColumns Columns = new(
        ["auditor_id", "name", "agency", "team", "skills", "monthly_capacity", "manager", "email"],
        ["auditor_id", "name", "agency", "team", "monthly_capacity"]);

    private readonly AuditorStore store = new(database, clock);

    public Task<ImportResult> ImportAsync(string partnershipId, TextReader csv, CancellationToken cancellationToken)
    {
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        // A file without the manager or email column leaves those already stored alone; an empty value clears one.
        var present = new HashSet<string>(StringComparer.Ordinal);
        return CsvImport.RunAsync(
            database, clock, partnershipId, csv, Columns,
            row =>
            {
                present.UnionWith(AuditorStore.OptionalColumns.Where(row.Has));
                return Read(row, firstLineOf);
            },
            (auditors, connection, transaction) =>
                store.UpsertAsync(partnershipId, auditors, connection, transaction, cancellationToken, keep: [.. AuditorStore.OptionalColumns.Except(present)]),
            cancellationToken);
    }

    private static Auditor? Read(ImportRow row, Dictionary<string, int> firstLineOf)
    {
        var auditorId = row.Required("auditor_id");
        if (auditorId.Length > 0 && !firstLineOf.TryAdd(auditorId, row.Line))
        {
            row.Fail("auditor_id", $"{auditorId} is already on line {firstLineOf[auditorId]}; each auditor_id may appear only once in a file");
        }

        var name = row.Required("name");
        var agency = row.Required("agency");
        var team = row.Required("team");
        var skills = row.List("skills");
        var capacity = row.RequiredInteger("monthly_capacity", 0, MaxMonthlyCapacity);
        var manager = row.Optional("manager");
        if (manager is not null && string.Equals(manager, auditorId, StringComparison.OrdinalIgnoreCase))
        {
            row.Fail("manager", $"{auditorId} cannot be their own line manager");
        }
        else if (manager is not null && manager.Any(char.IsWhiteSpace))
        {
            row.Fail("manager", $"'{manager}' is not a staff id: give the manager's id, such as AUD-001 or W-0412, not a name");
        }

        var email = row.Optional("email");
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            row.Fail("email", $"'{email}' is not an email address");
        }

        return row.IsValid && capacity is { } monthlyCapacity
            ? new Auditor(auditorId, name, agency, team, skills, monthlyCapacity, manager, email)
            : null;
    }
}
