namespace DeepDive.Engine.Rounds;

/// <summary>A round opened later than its trigger fired, because the firing fell on a day that is not a working day.</summary>
public sealed record RoundMove(DateTime OpensAtUtc, string Reason);
