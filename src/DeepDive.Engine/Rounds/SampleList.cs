using System.Data.Common;
using System.Globalization;
using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Domain.Cycles;
using DeepDive.Domain.Rounds;
using DeepDive.Domain.Sampling;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Engine.Rounds;

/// <summary>
/// A round's locked list and ordered reserve list, and the manager's review of them: lock, replace (the next unused
/// reserve takes the case's place), add by hand. Every change is one transaction and is logged in sample_change with
/// who, why and when.
/// <para>
/// The list can change only while the draw awaits review. Locking is final: the locked list is what auditors are
/// assigned to, so a replacement or a hand-added case after the lock, and above all after the deep dives have started,
/// is refused with the reason (an auditor's work on the replaced case would be thrown away, and the committee would
/// see a list that changed after it was locked).
/// </para>
/// </summary>
public sealed partial class SampleList(Database database, EventPublisher events, TimeProvider clock)
{
    public const string Sample = "sample";
    public const string Reserve = "reserve";
    public const string Replaced = "replaced";

    public const string Drawn = "drawn";
    public const string FromReserve = "reserve";
    public const string HandAdded = "hand-added";

    /// <summary>The round's status while a manager reviews its draw.</summary>
    public const string AwaitingReview = RoundStatus.AwaitingReview;

    public const string Locked = RoundStatus.SampleLocked;

    /// <summary>Who locked a round whose cycle does not ask for a review.</summary>
    public const string AutoLockedBy = "auto";

    public sealed record Replacement(string RoundId, string Replaced, string ReplacedBy, int Position, int ReservesLeft);

    public sealed record Addition(string RoundId, string CaseRef, int Position);

    private sealed class RoundState
    {
        public string RoundId { get; set; } = "";
        public string Status { get; set; } = "";
        public string CycleJson { get; set; } = "";
        public string? LockedBy { get; set; }
        public DateTime? LockedUtc { get; set; }
        public string? SamplingJson { get; set; }
    }

    /// <summary>Writes a fresh draw's lists in the caller's transaction (the round row is written with it).</summary>
    public static async Task InsertDrawAsync(DbConnection connection, DbTransaction transaction, string partnershipId, string roundId, SampleDraw draw,
        CancellationToken cancellationToken)
    {
        const string insert = """
            INSERT INTO sample_case (partnership_id, round_id, case_ref, position, list, origin)
            VALUES (@PartnershipId, @RoundId, @CaseRef, @Position, @List, @Origin)
            """;
        var rows = draw.Selected.Select((c, i) => (CaseRef: c, Position: i + 1, List: Sample))
            .Concat(draw.Reserves.Select((c, i) => (CaseRef: c, Position: i + 1, List: Reserve)))
            .Select(r => new { PartnershipId = partnershipId, RoundId = roundId, r.CaseRef, r.Position, r.List, Origin = Drawn })
            .ToList();
        await connection.ExecuteAsync(new CommandDefinition(insert, rows, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The cases of the round's list in position order.</summary>
    public async Task<List<string>> CasesAsync(string roundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT case_ref FROM sample_case WHERE round_id = @RoundId AND list = @List ORDER BY position",
            new { RoundId = roundId, List = Sample }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Whether the round's draw was stored when the round opened, and whether it is locked yet.</summary>
    public async Task<(bool Drawn, bool IsLocked)> StateAsync(string roundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var state = await connection.QuerySingleAsync<(string? SamplingJson, DateTime? LockedUtc)>(new CommandDefinition(
            "SELECT sampling_json AS SamplingJson, locked_utc AS LockedUtc FROM audit_round WHERE round_id = @RoundId",
            new { RoundId = roundId }, cancellationToken: cancellationToken));
        return (state.SamplingJson is not null, state.LockedUtc is not null);
    }

    /// <summary>Locks a draw that awaits review and wakes the round's workflow, which then assigns auditors to the list.</summary>
    public async Task LockAsync(string partnershipId, string roundId, string by, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var now = clock.GetUtcNow().UtcDateTime;
        var eventId = await database.InTransactionAsync(async (connection, transaction) =>
        {
            await OpenForChangeAsync(connection, transaction, partnershipId, roundId, "locked", null, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE audit_round SET status = @Status, locked_by = @By, locked_utc = @Now WHERE round_id = @RoundId",
                new { Status = Locked, By = by, Now = now, RoundId = roundId }, transaction, cancellationToken: cancellationToken));
            await LogAsync(connection, transaction, partnershipId, roundId, "lock", null, null, by, null, now, cancellationToken);
            return await events.WriteAsync(connection, transaction, WorkflowEvents.SampleLocked, roundId, null, now, cancellationToken);
        }, cancellationToken);
        await events.WakeAsync(eventId);
    }

    /// <summary>
    /// Replaces a case of the list with the next unused reserve (of the same stratum first, for a stratified draw), which
    /// takes its position; the replaced case stays on record as replaced.
    /// </summary>
    public Task<Replacement> ReplaceAsync(string partnershipId, string roundId, string caseRef, string by, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        RequireReason(reason);
        var now = clock.GetUtcNow().UtcDateTime;
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var round = await OpenForChangeAsync(connection, transaction, partnershipId, roundId, "replaced", caseRef, cancellationToken);
            var entry = await EntryAsync(connection, transaction, roundId, caseRef, cancellationToken);
            if (entry is not { List: Sample })
            {
                throw new SampleListRefusedException(entry switch
                {
                    null => $"Case {caseRef} is not in round {roundId}'s list, so it cannot be replaced.",
                    { List: Reserve } => $"Case {caseRef} is reserve number {entry.Value.Position} of round {roundId}, not in its list, so there is nothing to replace.",
                    _ => $"Case {caseRef} was already replaced in round {roundId}.",
                });
            }

            var stratifyBy = SamplingRecord.FromJson(round.SamplingJson)?.StratifyBy;
            var reserve = await NextReserveAsync(connection, transaction, partnershipId, roundId, caseRef, stratifyBy, cancellationToken)
                ?? throw new SampleListRefusedException(
                    $"Round {roundId} has no unused reserve left, so {caseRef} cannot be replaced from the reserve list; add a case by hand with "
                    + $"'deepdive sample add {roundId} <case> --by <who> --reason \"...\"' and it will be labelled as hand-added.");
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE sample_case SET list = @List WHERE round_id = @RoundId AND case_ref = @CaseRef",
                new { List = Replaced, RoundId = roundId, CaseRef = caseRef }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE sample_case SET list = @List, position = @Position, origin = @Origin WHERE round_id = @RoundId AND case_ref = @CaseRef",
                new { List = Sample, entry.Value.Position, Origin = FromReserve, RoundId = roundId, CaseRef = reserve }, transaction, cancellationToken: cancellationToken));
            await LogAsync(connection, transaction, partnershipId, roundId, "replace", caseRef, reserve, by, reason, now, cancellationToken);
            var left = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM sample_case WHERE round_id = @RoundId AND list = @List",
                new { RoundId = roundId, List = Reserve }, transaction, cancellationToken: cancellationToken));
            return new Replacement(roundId, caseRef, reserve, entry.Value.Position, (int)left);
        }, cancellationToken);
    }

    /// <summary>Adds a case of the register to the end of the list by hand; it is labelled as hand-added wherever the list is shown.</summary>
    public Task<Addition> AddAsync(string partnershipId, string roundId, string caseRef, string by, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        RequireReason(reason);
        var now = clock.GetUtcNow().UtcDateTime;
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            await OpenForChangeAsync(connection, transaction, partnershipId, roundId, "added to", caseRef, cancellationToken);
            var registered = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM case_record WHERE partnership_id = @PartnershipId AND case_ref = @CaseRef",
                new { PartnershipId = partnershipId, CaseRef = caseRef }, transaction, cancellationToken: cancellationToken));
            if (registered == 0)
            {
                throw new SampleListRefusedException($"Case {caseRef} is not in partnership {partnershipId}'s case register; import it first.");
            }

            if (await EntryAsync(connection, transaction, roundId, caseRef, cancellationToken) is { } entry)
            {
                throw new SampleListRefusedException(entry.List switch
                {
                    Sample => $"Case {caseRef} is already number {entry.Position} in round {roundId}'s list.",
                    Reserve => $"Case {caseRef} is reserve number {entry.Position} of round {roundId}; to bring it in, replace a case of the list or add another case.",
                    _ => $"Case {caseRef} was replaced in round {roundId}; it cannot come back into the list.",
                });
            }

            var position = 1 + await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COALESCE(MAX(position), 0) FROM sample_case WHERE round_id = @RoundId AND list IN ('sample', 'replaced')",
                new { RoundId = roundId }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO sample_case (partnership_id, round_id, case_ref, position, list, origin)
                VALUES (@PartnershipId, @RoundId, @CaseRef, @Position, @List, @Origin)
                """, new { PartnershipId = partnershipId, RoundId = roundId, CaseRef = caseRef, Position = (int)position, List = Sample, Origin = HandAdded },
                transaction, cancellationToken: cancellationToken));
            await LogAsync(connection, transaction, partnershipId, roundId, "add", caseRef, null, by, reason, now, cancellationToken);
            return new Addition(roundId, caseRef, (int)position);
        }, cancellationToken);
    }

    private static void RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("Give the reason with --reason: the sampling report shows why each case was replaced or added.");
        }
    }

    /// <summary>The round, row-locked for this transaction, when its list may still change; otherwise the reason it may not.</summary>
    private async Task<RoundState> OpenForChangeAsync(DbConnection connection, DbTransaction transaction, string partnershipId, string roundId,
        string verb, string? caseRef, CancellationToken cancellationToken)
    {
        // Touching the row first makes a concurrent lock, replacement or addition wait for this one (a row lock on a server database).
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE audit_round SET status = status WHERE round_id = @RoundId AND partnership_id = @PartnershipId",
            new { RoundId = roundId, PartnershipId = partnershipId }, transaction, cancellationToken: cancellationToken));
        var round = await connection.QuerySingleOrDefaultAsync<RoundState>(new CommandDefinition("""
            SELECT round_id AS RoundId, status AS Status, cycle_json AS CycleJson, locked_by AS LockedBy, locked_utc AS LockedUtc, sampling_json AS SamplingJson
            FROM audit_round WHERE round_id = @RoundId AND partnership_id = @PartnershipId
            """, new { RoundId = roundId, PartnershipId = partnershipId }, transaction, cancellationToken: cancellationToken))
            ?? throw new ArgumentException($"There is no round '{roundId}' in partnership '{partnershipId}'.");
        var what = verb == "locked" ? $"Round {roundId} cannot be locked" : $"Round {roundId}'s list cannot be {verb}";
        var started = await connection.QuerySingleAsync<(long DeepDives, DateTime? FirstOpened)>(new CommandDefinition(
            "SELECT COUNT(*) AS DeepDives, MIN(opened_utc) AS FirstOpened FROM deep_dive WHERE round_id = @RoundId",
            new { RoundId = roundId }, transaction, cancellationToken: cancellationToken));
        if (started.DeepDives > 0)
        {
            var work = caseRef is null ? "" : await WorkOnAsync(connection, transaction, roundId, caseRef, cancellationToken);
            throw new SampleListRefusedException(
                $"{what}: its deep dives started at {Utc(started.FirstOpened!.Value)}{work}. Once auditors have the cases the list stays as it was "
                + "locked, so no auditor's work is thrown away and the committee sees the list that was locked; a case found unsuitable is "
                + "closed in its deep dive with the reason. Replace or add cases while the draw awaits review, before it is locked.");
        }

        if (round.LockedUtc is { } lockedAt)
        {
            var who = round.LockedBy == AutoLockedBy
                ? $"automatically when it was drawn, at {Utc(lockedAt)} (its cycle's \"sampling\": {{ \"lock\": \"auto\" }}; set \"lock\": \"manager\" to review draws before they are locked)"
                : $"by {round.LockedBy} at {Utc(lockedAt)}";
            throw new SampleListRefusedException(verb == "locked"
                ? $"Round {roundId}'s list is already locked, {who}."
                : $"{what}: it was locked {who}, and a locked list is handed to auditors as it stands.");
        }

        if (round.Status != AwaitingReview)
        {
            throw new SampleListRefusedException($"{what}: it is {round.Status}, not awaiting review.");
        }

        return round;
    }

    private static async Task<string> WorkOnAsync(DbConnection connection, DbTransaction transaction, string roundId, string caseRef, CancellationToken cancellationToken)
    {
        var tasks = await connection.QuerySingleAsync<(long Tasks, long Submitted)>(new CommandDefinition(
            "SELECT COUNT(*) AS Tasks, COALESCE(SUM(CASE WHEN status = @Submitted THEN 1 ELSE 0 END), 0) AS Submitted FROM audit_task WHERE round_id = @RoundId AND case_ref = @CaseRef",
            new { RoundId = roundId, CaseRef = caseRef, AuditTaskStatus.Submitted }, transaction, cancellationToken: cancellationToken));
        return tasks.Tasks == 0 ? "" : $" and {caseRef} is with its auditors ({tasks.Tasks} {(tasks.Tasks == 1 ? "task" : "tasks")}, {tasks.Submitted} submitted)";
    }

    private static async Task<(string List, int Position)?> EntryAsync(DbConnection connection, DbTransaction transaction, string roundId, string caseRef,
        CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<(string List, int Position)?>(new CommandDefinition(
            "SELECT list AS List, position AS Position FROM sample_case WHERE round_id = @RoundId AND case_ref = @CaseRef",
            new { RoundId = roundId, CaseRef = caseRef }, transaction, cancellationToken: cancellationToken));

    /// <summary>The first unused reserve: of the replaced case's stratum when the draw was stratified and one is left, else the first of all.</summary>
    private async Task<string?> NextReserveAsync(DbConnection connection, DbTransaction transaction, string partnershipId, string roundId, string caseRef,
        string? stratifyBy, CancellationToken cancellationToken)
    {
        if (stratifyBy is not null)
        {
            var column = RoundStore.StratumColumn(stratifyBy);
            var sameStratum = database.Dialect.Top($"""
                SELECT s.case_ref FROM sample_case s
                JOIN case_record c ON c.partnership_id = s.partnership_id AND c.case_ref = s.case_ref
                WHERE s.round_id = @RoundId AND s.list = @List
                  AND {column} = (SELECT {column} FROM case_record c WHERE c.partnership_id = @PartnershipId AND c.case_ref = @CaseRef)
                ORDER BY s.position
                """, 1);
            var found = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(sameStratum,
                new { RoundId = roundId, List = Reserve, PartnershipId = partnershipId, CaseRef = caseRef }, transaction, cancellationToken: cancellationToken));
            if (found is not null)
            {
                return found;
            }
        }

        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            database.Dialect.Top("SELECT case_ref FROM sample_case WHERE round_id = @RoundId AND list = @List ORDER BY position", 1),
            new { RoundId = roundId, List = Reserve }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task LogAsync(DbConnection connection, DbTransaction transaction, string partnershipId, string roundId, string action,
        string? caseRef, string? replacementRef, string by, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        var position = 1 + await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(position), 0) FROM sample_change WHERE round_id = @RoundId",
            new { RoundId = roundId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sample_change (partnership_id, round_id, position, action, case_ref, replacement_ref, changed_by, reason, changed_utc)
            VALUES (@PartnershipId, @RoundId, @Position, @Action, @CaseRef, @ReplacementRef, @By, @Reason, @Now)
            """, new { PartnershipId = partnershipId, RoundId = roundId, Position = (int)position, Action = action, CaseRef = caseRef,
                ReplacementRef = replacementRef, By = by, Reason = reason, Now = now }, transaction, cancellationToken: cancellationToken));
    }

    private static string Utc(DateTime t) => t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
