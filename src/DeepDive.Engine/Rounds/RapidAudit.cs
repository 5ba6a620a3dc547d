namespace DeepDive.Engine.Rounds;

/// <summary>A rapid audit (e.g. before a joint targeted area inspection): its tasks are due this many working days after they open.</summary>
public static class RapidAudit
{
    public const int WorkingDays = 5;
}
