namespace DeepDive.Domain.Assignment;

/// <summary>
/// Where a single-agency audit task is: open with its auditor, unassigned (no eligible auditor), or submitted. Not
/// <c>TaskStatus</c>, which every file already has from System.Threading.Tasks.
/// </summary>
public static class AuditTaskStatus
{
    public const string Open = "open";
    public const string Unassigned = "unassigned";
    public const string Submitted = "submitted";

    /// <summary>Open or unassigned: still waiting for someone's answers.</summary>
    public static bool Waiting(string status) => status is Open or Unassigned;
}
