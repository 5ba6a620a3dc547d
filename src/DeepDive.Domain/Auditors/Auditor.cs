namespace DeepDive.Domain.Auditors;

public sealed record Auditor(
    string AuditorId,
    string Name,
    string Agency,
    string Team,
    IReadOnlyList<string> Skills,
    int MonthlyCapacity)
{
    public bool HasSkill(string skill) => Skills.Contains(skill, StringComparer.OrdinalIgnoreCase);
}
