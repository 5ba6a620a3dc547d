namespace DeepDive.Domain.Cases;

/// <summary>One case in the register: a pseudonymised reference and what sampling and assignment need. Never names.</summary>
public sealed record CaseRecord(
    string CaseRef,
    string Agency,
    string CaseType,
    string Team,
    string Worker,
    string? School,
    DateTime OpenedOn,
    DateTime? ClosedOn,
    IReadOnlyList<string> InvolvedAgencies)
{
    /// <summary>The agencies that each complete a single-agency audit: the owner, the others named, and education when a school is known.</summary>
    public IReadOnlyList<string> AuditingAgencies()
    {
        var agencies = new List<string> { Agency };
        foreach (var a in InvolvedAgencies)
        {
            if (!agencies.Contains(a, StringComparer.OrdinalIgnoreCase))
            {
                agencies.Add(a);
            }
        }

        return agencies;
    }
}
