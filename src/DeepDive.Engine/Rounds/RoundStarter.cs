using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Domain.Rounds;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using Microsoft.Extensions.Logging;

namespace DeepDive.Engine.Rounds;

/// <summary>
/// Opens a round for one firing of a cycle's trigger (or of a re-audit trigger) and starts its workflow in
/// the same transaction. The firing key is unique, so a firing that runs twice opens one round. A scheduled
/// round's sample is drawn first and stored with the round row: a draw that fails (an empty population, a
/// sample larger than it) throws <see cref="SampleDrawException"/> and stores nothing at all.
/// </summary>
public sealed class RoundStarter(Database database, WorkflowStarter starter, SampleDrawer drawer, TimeProvider clock, ILogger<RoundStarter> logger)
{
    public sealed record Started(string RoundId, string WorkflowId);

    public Task<Started?> StartScheduledAsync(string partnershipId, string cycleId, DateTime scheduledForUtc, CancellationToken cancellationToken) =>
        StartScheduledAsync(partnershipId, cycleId, FiringTime.OnTime(scheduledForUtc), null, cancellationToken);

    /// <summary>
    /// Opens the round of one firing of an active cycle; null when the firing already opened its round, or when the
    /// cycle is paused or retired (the skipped firing goes into the cycle's history). A <paramref name="move"/> records
    /// that it opens later, on a working day, and why; the firing key stays the original firing's, so a moved firing
    /// still opens one round.
    /// </summary>
    /// <param name="startNote">Why the round opens when it does, for a round opened by hand (a retried firing); else the late note, if late.</param>
    public async Task<Started?> StartScheduledAsync(string partnershipId, string cycleId, FiringTime firing, RoundMove? move, CancellationToken cancellationToken,
        string? startNote = null)
    {
        const string sql = "SELECT definition_json AS DefinitionJson, status AS Status FROM cycle WHERE partnership_id = @PartnershipId AND cycle_id = @CycleId";
        (string DefinitionJson, string Status)? cycle;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            cycle = await connection.QuerySingleOrDefaultAsync<(string, string)?>(new CommandDefinition(sql,
                new { PartnershipId = partnershipId, CycleId = cycleId }, cancellationToken: cancellationToken));
        }

        if (cycle is null)
        {
            throw new InvalidOperationException($"Cycle '{cycleId}' of partnership '{partnershipId}' does not exist.");
        }

        var scheduledForUtc = firing.ScheduledForUtc;
        if (cycle.Value.Status != CycleStatus.Active)
        {
            // The trigger was paused or removed after Quartz had taken this firing: no round, but say so.
            await new CycleStore(database, clock).RecordAsync(partnershipId, cycleId, "firing-skipped",
                string.Create(CultureInfo.InvariantCulture, $"the firing due {scheduledForUtc:yyyy-MM-dd HH:mm} UTC was skipped: the cycle is {cycle.Value.Status}"),
                cancellationToken);
            return null;
        }

        // The round keeps the cycle as stored now (CycleFile's form), so later edits of the cycle never change it.
        var firingKey = ScheduledFiringKey(cycleId, scheduledForUtc);
        var note = startNote ?? (firing.Late ? LateNote(firing, CycleFile.ReadStored(cycle.Value.DefinitionJson)) : null);
        return await StartAsync(new RoundOpening(partnershipId, cycleId, RoundKinds.Scheduled, "audit-round", firingKey, move?.OpensAtUtc ?? scheduledForUtc,
            cycle.Value.DefinitionJson, Moved: move is null ? null : new RoundOpening.Move(scheduledForUtc, move.Reason), Late: firing.Late, StartNote: note),
            cancellationToken);
    }

    /// <summary>
    /// Opens a rapid round of <paramref name="cycle"/> now (e.g. before a joint targeted area inspection), whatever its
    /// schedule, with its tasks due <paramref name="workingDays"/> working days after they open (the partnership's calendar).
    /// </summary>
    public async Task<Started> StartRapidAsync(string partnershipId, CycleDefinition cycle, int workingDays, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var json = CycleFile.Serialize(cycle with { TaskDeadlineWorkingDays = workingDays });
        var firingKey = string.Create(CultureInfo.InvariantCulture, $"rapid:{cycle.Id}@{now:yyyy-MM-ddTHH:mm:ss.fffffffZ}");
        var note = string.Create(CultureInfo.InvariantCulture, $"rapid audit: tasks due in {workingDays} working days");
        return await StartAsync(new RoundOpening(partnershipId, cycle.Id, RoundKinds.Rapid, "audit-round", firingKey, now, json, StartNote: note), cancellationToken)
            ?? throw new InvalidOperationException($"A rapid round of cycle '{cycle.Id}' was already opened at {now:O}.");
    }

    private static string LateNote(FiringTime firing, CycleDefinition cycle)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone);
        string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var note = $"late: due {Local(new DateTimeOffset(firing.ScheduledForUtc, TimeSpan.Zero))} {cycle.Schedule.TimeZone}; the service was not running then";
        return firing.Missed.Count == 0
            ? note
            : $"{note}; earlier firings missed and not run: {string.Join(", ", firing.Missed.Select(Local))}";
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
        return await StartAsync(new RoundOpening(partnershipId, source.Value.CycleId, RoundKinds.ReAudit, "re-audit", ReAuditFiringKey(sourceRoundId),
            scheduledForUtc, source.Value.CycleJson, sourceRoundId, Draw: false), cancellationToken);
    }

    private async Task<Started?> StartAsync(RoundOpening opening, CancellationToken cancellationToken)
    {
        var roundId = RoundId(opening.FiringKey);
        var data = new AuditRoundData { PartnershipId = opening.PartnershipId, RoundId = roundId, CycleId = opening.CycleId, Kind = opening.Kind };
        var instance = starter.Build(opening.Workflow, data, roundId);
        var now = clock.GetUtcNow().UtcDateTime;
        var seed = Seed(opening.FiringKey);
        // A rapid round opens now whatever the calendar; a scheduled or re-audit round's day came from the calendar.
        var notChecked = opening.Kind == RoundKinds.Rapid ? null : await RoundStartNote.BankHolidayWarningAsync(database,
            Cycles.CycleFile.ReadStored(opening.CycleJson), opening.Moved?.FromUtc ?? opening.ScheduledForUtc, opening.ScheduledForUtc, cancellationToken);
        var startNote = RoundStartNote.Join(opening.StartNote, notChecked);
        SampleDrawer.Result? drawn = null;
        var managerLock = false;
        if (opening.Draw && !await ExistsAsync(roundId, cancellationToken))
        {
            // Read only: the draw streams the population; what it found is written below with the round, or not at all.
            var cycle = Cycles.CycleFile.ReadStored(opening.CycleJson);
            managerLock = cycle.Sampling.Lock == Domain.Cycles.SampleDesign.ManagerLock;
            drawn = await drawer.DrawAsync(new RoundRecord(
                opening.PartnershipId, roundId, opening.CycleId, opening.Kind, opening.ScheduledForUtc, now, seed, cycle, opening.ParentRoundId), cancellationToken);
        }

        var opened = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var insert = database.Dialect.InsertIfAbsent("audit_round", ["round_id"],
                ["partnership_id", "cycle_id", "kind", "firing_key", "scheduled_for_utc", "started_utc", "status", "seed", "cycle_json", "parent_round_id", "workflow_id",
                 "sampling_json", "note", "locked_by", "locked_utc", "moved_from_utc", "move_reason", "late", "start_note", "opened_by"]);
            var rows = await connection.ExecuteAsync(new CommandDefinition(insert, new
            {
                RoundId = roundId,
                PartnershipId = opening.PartnershipId,
                CycleId = opening.CycleId,
                Kind = opening.Kind,
                FiringKey = opening.FiringKey,
                ScheduledForUtc = opening.ScheduledForUtc,
                StartedUtc = now,
                Status = drawn is null ? RoundStatus.Drawing : managerLock ? RoundStatus.AwaitingReview : RoundStatus.SampleLocked,
                Seed = seed,
                CycleJson = opening.CycleJson,
                ParentRoundId = opening.ParentRoundId,
                WorkflowId = instance.Id,
                SamplingJson = drawn?.Record.ToJson(),
                Note = drawn is null ? null : Note(drawn),
                LockedBy = drawn is null || managerLock ? null : SampleList.AutoLockedBy,
                LockedUtc = drawn is null || managerLock ? (DateTime?)null : now,
                MovedFromUtc = opening.Moved?.FromUtc,
                MoveReason = opening.Moved?.Reason,
                Late = opening.Late ? 1 : 0,
                StartNote = startNote,
                OpenedBy = ExecutionJournal.Node,
            }, transaction, cancellationToken: cancellationToken));
            if (rows == 0)
            {
                return false;
            }

            if (drawn is not null)
            {
                await SampleList.InsertDrawAsync(connection, transaction, opening.PartnershipId, roundId, drawn.Draw, cancellationToken);
            }

            await starter.Insert(instance)(connection, transaction, cancellationToken);
            return true;
        }, cancellationToken);
        if (!opened)
        {
            return null;
        }

        if (notChecked is not null)
        {
            logger.LogWarning("Round {RoundId} of cycle {CycleId} ({PartnershipId}): {Warning}", roundId, opening.CycleId, opening.PartnershipId, notChecked);
        }

        await starter.QueueWorkflow(instance.Id)();
        return new Started(roundId, instance.Id);
    }

    /// <summary>The round a firing opened, or null when it opened none.</summary>
    public async Task<string?> RoundOfFiringAsync(string firingKey, CancellationToken cancellationToken)
    {
        var roundId = RoundId(firingKey);
        return await ExistsAsync(roundId, cancellationToken) ? roundId : null;
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

    /// <summary>The firing key of a scheduled round: its cycle and the instant its firing was due.</summary>
    public static string ScheduledFiringKey(string cycleId, DateTime scheduledForUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{cycleId}@{scheduledForUtc:yyyy-MM-ddTHH:mm:ssZ}");

    /// <summary>The firing key of a re-audit round: the round it re-audits (one re-audit per round).</summary>
    public static string ReAuditFiringKey(string sourceRoundId) => $"re-audit@{sourceRoundId}";

    /// <summary>The round id and seed come from the firing key, so the same firing always means the same round and sample.</summary>
    private static string RoundId(string firingKey) => "R" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(firingKey)))[..11];

    private static long Seed(string firingKey) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("seed:" + firingKey))) & long.MaxValue;
}
