namespace DeepDive.Domain.Auditors;

/// <param name="Manager">The staff id of the auditor's line manager, when known; it is how line-management conflicts are found.</param>
/// <param name="Email">Where the auditor's reminders go, and (for a manager) escalations about their auditors' tasks.</param>
public sealed record Auditor(
    string AuditorId,
    string Name,
    string Agency,
    string Team,
    IReadOnlyList<string> Skills,
    int MonthlyCapacity,
    string? Manager = null,
    string? Email = null)
{
    public bool HasSkill(string skill) => Skills.Contains(skill, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the auditor may do an agency's single-agency audit: they belong to it, or hold its skill.</summary>
    public bool CanAuditFor(string agency) =>
        string.Equals(Agency, agency, StringComparison.OrdinalIgnoreCase) || HasSkill(agency);
}
