namespace DeepDive.Domain.DeepDives;

/// <summary>
/// The sections of the single-agency audit tool an auditor completes for a case: each takes the evidence found and,
/// optionally, a grade. A cycle names its tool (<c>auditTool</c>) but tools are not yet defined apart from that name,
/// so every tool has the sections a multi-agency deep dive looks at.
/// </summary>
public static class AuditToolSections
{
    public static IReadOnlyList<string> Default { get; } =
        ["Recognition of need", "Assessment", "Planning and intervention", "Joint working", "Impact on the child"];

    public static IReadOnlyList<string> Of(string auditTool) => Default;
}
