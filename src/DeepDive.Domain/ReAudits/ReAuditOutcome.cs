using DeepDive.Domain.Grading;

namespace DeepDive.Domain.ReAudits;

public enum ReAuditOutcome
{
    Improved,
    Same,
    Worse,
}

public static class ReAuditComparison
{
    public static ReAuditOutcome Compare(Grade first, Grade reAudit) =>
        reAudit < first ? ReAuditOutcome.Improved : reAudit > first ? ReAuditOutcome.Worse : ReAuditOutcome.Same;

    public static string Name(ReAuditOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>The re-audit is due a whole number of months after the first finding closed.</summary>
    public static DateTime DueDate(DateTime closedUtc, int intervalMonths) => closedUtc.AddMonths(intervalMonths);
}
