using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace DeepDive.Engine.Actions;

/// <summary>The recommendations a closing round's auditors made, and the actions proposed from them.</summary>
public sealed partial class ActionStore
{
    /// <summary>One submitted task's recommendations, in the order its auditor gave them.</summary>
    public sealed record TaskRecommendations(string PartnershipId, string TaskId, string Agency, string CaseRef, IReadOnlyList<string> Recommendations);

    /// <summary>The recommendations of every submitted task of the round, by task.</summary>
    public async Task<IReadOnlyList<TaskRecommendations>> RecommendationsOfRoundAsync(string roundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string PartnershipId, string TaskId, string Agency, string CaseRef, string AnswersJson)>(new CommandDefinition("""
            SELECT partnership_id, task_id, agency, case_ref, answers_json FROM audit_task
            WHERE round_id = @RoundId AND answers_json IS NOT NULL
            ORDER BY task_id
            """, new { RoundId = roundId }, cancellationToken: cancellationToken));
        return rows.Select(r => new TaskRecommendations(r.PartnershipId, r.TaskId, r.Agency, r.CaseRef, Recommendations(r.AnswersJson)))
            .Where(t => t.Recommendations.Count > 0).ToList();
    }

    /// <summary>Adds the proposed actions in the step's transaction; one proposed before (the step run again) stays as it is.</summary>
    public async Task ProposeAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<RoundActions.Proposal> proposals, CancellationToken cancellationToken)
    {
        foreach (var proposal in proposals)
        {
            await InsertAsync(database, connection, transaction, proposal.Action, proposal.MatchKey, proposal.Position, cancellationToken);
        }
    }

    /// <summary>The non-empty recommendations of a stored audit tool (answers.json as submitted).</summary>
    private static List<string> Recommendations(string answersJson)
    {
        using var document = JsonDocument.Parse(answersJson);
        var property = document.RootElement.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "recommendations", StringComparison.OrdinalIgnoreCase));
        return property.Value.ValueKind == JsonValueKind.Array
            ? property.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0).ToList()
            : [];
    }
}
