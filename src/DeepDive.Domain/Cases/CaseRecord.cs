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
    /// <summary>The age bands a case may carry (those of the children in need census); never a date of birth.</summary>
    public static IReadOnlyList<string> AgeBands { get; } = ["unborn", "under-1", "1-4", "5-9", "10-15", "16-plus"];

    /// <summary>The family or household the child belongs to, as the agency's pseudonymised reference; siblings share it.</summary>
    public string? FamilyRef { get; init; }

    /// <summary>One of <see cref="AgeBands"/>, when the agency gives it.</summary>
    public string? AgeBand { get; init; }

    /// <summary>The partnership's priority themes the case is tagged with (e.g. neglect).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

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
