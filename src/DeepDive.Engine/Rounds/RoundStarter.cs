using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Engine.Rounds;

/// <summary>
/// Opens a round for one firing of a cycle's trigger (or of a re-audit trigger) and starts its workflow in
/// the same transaction. The firing key is unique, so a firing that runs twice opens one round. A scheduled
/// round's sample is drawn first and stored with the round row: a draw that fails (an empty population, a
/// sample larger than it) throws <see cref="SampleDrawException"/> and stores nothing at all.
/// </summary>
public sealed class RoundStarter(Database database, WorkflowStarter starter, SampleDrawer drawer, TimeProvider clock)
{
    public sealed record Started(string RoundId, string WorkflowId);

    public Task<Started?> StartScheduledAsync(string partnershipId, string cycleId, DateTime scheduledForUtc, CancellationToken cancellationToken) =>
        StartScheduledAsync(partnershipId, cycleId, scheduledForUtc, null, cancellationToken);

    /// <summary>
    /// Opens the round of the firing at <paramref name="firingUtc"/>; a <paramref name="move"/> records that it opens later,
    /// on a working day, and why. The firing key stays the original firing's, so a moved firing still opens one round.
    /// </summary>
    public async Task<Started?> StartScheduledAsync(string partnershipId, string cycleId, DateTime firingUtc, RoundMove? move, CancellationToken cancellationToken)
    {
        const string sql = "SELECT definition_json FROM cycle WHERE partnership_id = @PartnershipId AND cycle_id = @CycleId";
        string? cycleJson;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            cycleJson = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(sql,
                new { PartnershipId = partnershipId, CycleId = cycleId }, cancellationToken: cancellationToken));
        }

        if (cycleJson is null)
        {
            throw new InvalidOperationException($"Cycle '{cycleId}' of partnership '{partnershipId}' does not exist.");
        }

        // The round keeps the cycle as stored now (CycleFile's form), so later edits of the cycle never change it.
        var firingKey = $"{cycleId}@{firingUtc:yyyy-MM-ddTHH:mm:ssZ}";
        return await StartAsync(partnershipId, cycleId, RoundKinds.Scheduled, "audit-round", firingKey, move?.OpensAtUtc ?? firingUtc,
            cycleJson, null, draw: true, move is null ? null : (firingUtc, move.Reason), cancellationToken);
    }

    public async Task<Started?> StartReAuditAsync(string partnershipId, string sourceRoundId, DateTime scheduledForUtc, CancellationToken cancellationToken)
    {
        const string sql = "SELECT cycle_id AS CycleId, cycle_json AS CycleJson FROM audit_round WHERE round_id = @RoundId AND partnership_id = @PartnershipId";
        (string CycleId, string CycleJson)? source;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            source = await connection.QuerySingleOrDefaultAsync<(string, string)?>(new CommandDefinition(sql,
                new { RoundId = sourceRoundId, PartnershipId = partnershipId }, cancellationToken: cancellationToken));
        }

        if (source is null)
        {
            throw new InvalidOperationException($"Round {sourceRoundId} to re-audit does not exist.");
        }

        // The re-audit uses the same tool as the first audit: the source round's copy of the cycle.
        return await StartAsync(partnershipId, source.Value.CycleId, RoundKinds.ReAudit, "re-audit", $"re-audit@{sourceRoundId}",
            scheduledForUtc, source.Value.CycleJson, sourceRoundId, draw: false, null, cancellationToken);
    }

    private async Task<Started?> StartAsync(string partnershipId, string cycleId, string kind, string workflow, string firingKey,
        DateTime scheduledForUtc, string cycleJson, string? parentRoundId, bool draw, (DateTime FromUtc, string Reason)? moved, CancellationToken cancellationToken)
    {
        var roundId = RoundId(firingKey);
        var data = new AuditRoundData { PartnershipId = partnershipId, RoundId = roundId, CycleId = cycleId, Kind = kind };
        var instance = starter.Build(workflow, data, roundId);
        var now = clock.GetUtcNow().UtcDateTime;
        var seed = Seed(firingKey);
        SampleDrawer.Result? drawn = null;
        var managerLock = false;
        if (draw && !await ExistsAsync(roundId, cancellationToken))
        {
            // Read only: the draw streams the population; what it found is written below with the round, or not at all.
            var cycle = Cycles.CycleFile.ReadStored(cycleJson);
            managerLock = cycle.Sampling.Lock == Domain.Cycles.SampleDesign.ManagerLock;
            drawn = await drawer.DrawAsync(new RoundRecord(partnershipId, roundId, cycleId, kind, scheduledForUtc, now, seed, cycle, parentRoundId),
                cancellationToken);
        }

        var opened = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var insert = database.Dialect.InsertIfAbsent("audit_round", ["round_id"],
                ["partnership_id", "cycle_id", "kind", "firing_key", "scheduled_for_utc", "started_utc", "status", "seed", "cycle_json", "parent_round_id", "workflow_id",
                 "sampling_json", "note", "locked_by", "locked_utc", "moved_from_utc", "move_reason"]);
            var rows = await connection.ExecuteAsync(new CommandDefinition(insert, new
            {
                RoundId = roundId,
                PartnershipId = partnershipId,
                CycleId = cycleId,
                Kind = kind,
                FiringKey = firingKey,
                ScheduledForUtc = scheduledForUtc,
                StartedUtc = now,
                Status = drawn is null ? "drawing" : managerLock ? SampleList.AwaitingReview : SampleList.Locked,
                Seed = seed,
                CycleJson = cycleJson,
                ParentRoundId = parentRoundId,
                WorkflowId = instance.Id,
                SamplingJson = drawn?.Record.ToJson(),
                Note = drawn is null ? null : Note(drawn),
                LockedBy = drawn is null || managerLock ? null : SampleList.AutoLockedBy,
                LockedUtc = drawn is null || managerLock ? (DateTime?)null : now,
                MovedFromUtc = moved?.FromUtc,
                MoveReason = moved?.Reason,
            }, transaction, cancellationToken: cancellationToken));
            if (rows == 0)
            {
                return false;
            }

            if (drawn is not null)
            {
                await SampleList.InsertDrawAsync(connection, transaction, partnershipId, roundId, drawn.Draw, cancellationToken);
            }

            await starter.Insert(instance)(connection, transaction, cancellationToken);
            return true;
        }, cancellationToken);
        if (!opened)
        {
            return null;
        }

        await starter.QueueWorkflow(instance.Id)();
        return new Started(roundId, instance.Id);
    }

    private async Task<bool> ExistsAsync(string roundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM audit_round WHERE round_id = @RoundId", new { RoundId = roundId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The round's one-line note: what was drawn, how, and what was left out.</summary>
    public static string Note(SampleDrawer.Result drawn)
    {
        var (draw, strata) = drawn;
        var excluded = drawn.Record.Exclusions.Where(e => e.Count > 0).Select(e => $"{e.Count} {e.Rule}").ToList();
        return $"Population {draw.PopulationCount} cases (hash {draw.PopulationHash[..16]}); {draw.Selected.Count} drawn, {draw.Reserves.Count} in reserve; {draw.Algorithm}, seed {draw.Seed}."
            + (excluded.Count == 0 ? "" : " Excluded: " + string.Join("; ", excluded) + ".")
            + (strata.Count == 0 ? "" : " Strata: " + string.Join("; ", strata.Select(s =>
                $"{s.Key} {s.Drawn} of {s.Size}{(s.TakenWhole ? " (taken whole)" : "")}")) + ".");
    }

    /// <summary>The round id and seed come from the firing key, so the same firing always means the same round and sample.</summary>
    private static string RoundId(string firingKey) => "R" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(firingKey)))[..11];

    private static long Seed(string firingKey) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("seed:" + firingKey))) & long.MaxValue;
}
