using System.Text.Json;
using DeepDive.Domain.Assignment;

namespace DeepDive.Engine.Assignment;

/// <summary>An unassigned task's explanation as stored in <c>unassigned_task.explanation_json</c> and printed by <c>--json</c>.</summary>
public sealed record StoredExplanation(
    string TaskId, string CaseRef, string Agency, string Summary, IReadOnlyList<StoredCandidate> Candidates, IReadOnlyList<string> CouldTakeIt)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StoredExplanation From(UnassignedTask task) => new(
        task.TaskId, task.CaseRef, task.Agency, task.Summary,
        task.Candidates.Select(c => new StoredCandidate(c.AuditorId, c.AuditorName, c.RuleName, c.Reason, c.TakenTasks.Count == 0 ? null : c.TakenTasks)).ToList(),
        task.CouldTakeIt);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static StoredExplanation Parse(string json) =>
        JsonSerializer.Deserialize<StoredExplanation>(json, Json) ?? throw new JsonException("A stored explanation is null.");
}

/// <param name="Rule">missing-skill, conflict, at-capacity or capacity-used-by-round.</param>
public sealed record StoredCandidate(string AuditorId, string Name, string Rule, string Reason, IReadOnlyList<string>? TakenTasks);
