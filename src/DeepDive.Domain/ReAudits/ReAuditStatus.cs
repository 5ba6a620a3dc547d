namespace DeepDive.Domain.ReAudits;

/// <summary>Where a round's re-audit is: scheduled, skipped (with the reason), running (its round open), or done.</summary>
public static class ReAuditStatus
{
    public const string Scheduled = "scheduled";
    public const string Skipped = "skipped";
    public const string Running = "running";
    public const string Done = "done";

    public static string Planned(bool skipped) => skipped ? Skipped : Scheduled;
}
