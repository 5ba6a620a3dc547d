using System.Data.Common;
using Dapper;

namespace DeepDive.Engine.Cycles;

/// <summary>One event in a cycle's life: added, edited (with the definition it replaced), paused, resumed, retired, firing-skipped.</summary>
public sealed record CycleEvent(DateTime AtUtc, string Action, string? Detail, string? PreviousDefinitionJson);

/// <summary>Writes and reads <c>cycle_history</c>, always inside the caller's transaction or connection.</summary>
internal static class CycleHistory
{
    public static Task AddAsync(DbConnection connection, DbTransaction? transaction, string partnershipId, string cycleId,
        DateTime atUtc, string action, string? detail, string? previousDefinitionJson, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO cycle_history (partnership_id, event_id, cycle_id, position, at_utc, action, detail, definition_json)
            SELECT @PartnershipId, @EventId, @CycleId, COALESCE(MAX(position), 0) + 1, @AtUtc, @Action, @Detail, @DefinitionJson
            FROM cycle_history WHERE partnership_id = @PartnershipId AND cycle_id = @CycleId
            """,
            new
            {
                PartnershipId = partnershipId,
                EventId = Guid.NewGuid().ToString("N"),
                CycleId = cycleId,
                AtUtc = atUtc,
                Action = action,
                Detail = detail,
                DefinitionJson = previousDefinitionJson,
            }, transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<CycleEvent>> ListAsync(DbConnection connection, string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT at_utc AS AtUtc, action AS Action, detail AS Detail, definition_json AS PreviousDefinitionJson
            FROM cycle_history WHERE partnership_id = @PartnershipId AND cycle_id = @CycleId
            ORDER BY position
            """, new { PartnershipId = partnershipId, CycleId = cycleId }, cancellationToken: cancellationToken));
        return rows.Select(r => new CycleEvent(r.AtUtc, r.Action, r.Detail, r.PreviousDefinitionJson)).ToList();
    }

    private sealed class Row
    {
        public DateTime AtUtc { get; set; }
        public string Action { get; set; } = "";
        public string? Detail { get; set; }
        public string? PreviousDefinitionJson { get; set; }
    }
}
