namespace DeepDive.Domain.Actions;

/// <summary>Where an action comes from: a case review's recommendation, or an audit round's recommendation.</summary>
public static class ActionSource
{
    public const string CaseReview = "case-review";
    public const string AuditRound = "audit-round";
}

/// <summary>
/// An action from an audit round is proposed when its round closes and waits for a manager to confirm or edit it;
/// only a confirmed action has a status, is followed up and is counted.
/// </summary>
public static class ActionState
{
    public const string Proposed = "proposed";
    public const string Confirmed = "confirmed";
}
