using System.Data.Common;
using System.Globalization;
using Dapper;
using DeepDive.Domain.Notifications;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Notifications;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.FiringFailures;

/// <summary>
/// Keeps the firings that opened no round (<c>failed_firing</c>). Recording one also writes the cycle's history and,
/// the first time, a notice to the business team through the outbox, in the same transaction.
/// </summary>
public sealed class FailedFirings(Database database, Outbox outbox, NotificationSettings notifications, TimeProvider clock)
{
    public const string NoticeKind = "failed-firing";

    private const string Columns = """
        partnership_id AS PartnershipId, firing_key AS FiringKey, cycle_id AS CycleId, kind AS Kind, source_round_id AS SourceRoundId,
        scheduled_for_utc AS ScheduledForUtc, first_tried_utc AS FirstTriedUtc, last_tried_utc AS LastTriedUtc, attempts AS Attempts,
        transient AS Transient, reason AS Reason, status AS Status, round_id AS RoundId, resolved_utc AS ResolvedUtc, resolved_by AS ResolvedBy
        """;

    /// <summary>
    /// Records that <paramref name="subject"/> opened no round after <paramref name="attempts"/> attempts. A firing that
    /// failed before keeps its first try and adds the attempts; the business team is told once per firing.
    /// </summary>
    public async Task<FailedFiring> RecordAsync(FiringSubject subject, int attempts, bool transient, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        reason = reason.Length > 2000 ? reason[..2000] : reason;
        var zone = await ZoneAsync(subject.PartnershipId, subject.CycleId, cancellationToken);
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var existing = await ReadAsync(connection, transaction, subject.PartnershipId, subject.FiringKey, cancellationToken);
            var row = existing ?? new FailedFiring
            {
                PartnershipId = subject.PartnershipId,
                FiringKey = subject.FiringKey,
                CycleId = subject.CycleId,
                Kind = subject.Kind,
                SourceRoundId = subject.SourceRoundId,
                ScheduledForUtc = subject.ScheduledForUtc,
                FirstTriedUtc = now,
            };
            row.LastTriedUtc = now;
            row.Attempts += attempts;
            row.Transient = transient ? 1 : 0;
            row.Reason = reason;
            row.Status = FailedFiring.Failed;
            row.RoundId = null;
            row.ResolvedUtc = null;
            row.ResolvedBy = null;
            var sql = database.Dialect.Upsert("failed_firing", ["partnership_id", "firing_key"],
                ["cycle_id", "kind", "source_round_id", "scheduled_for_utc", "first_tried_utc", "last_tried_utc", "attempts", "transient",
                 "reason", "status", "round_id", "resolved_utc", "resolved_by"]);
            await connection.ExecuteAsync(new CommandDefinition(sql, row, transaction, cancellationToken: cancellationToken));

            var due = FiringName.Local(row.ScheduledForUtc, zone);
            var what = existing is null ? "firing-failed" : "firing-failed-again";
            await CycleHistory.AddAsync(connection, transaction, subject.PartnershipId, subject.CycleId, now, what,
                string.Create(CultureInfo.InvariantCulture, $"the {Describe(row.Kind)} due {due} was not opened after {row.Attempts} attempt(s): {reason}"), null,
                cancellationToken);
            await outbox.AddAsync(subject.PartnershipId, Notice(row, zone), connection, transaction, cancellationToken);
            return row;
        }, cancellationToken);
    }

    /// <summary>
    /// Marks the firing's failure resolved now that its round is open (a retry, or Quartz running the same firing
    /// again). Does nothing when it never failed or is already resolved.
    /// </summary>
    public async Task<bool> MarkOpenedAsync(string partnershipId, string firingKey, string roundId, string by, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE failed_firing SET status = @Opened, round_id = @RoundId, resolved_utc = @Now, resolved_by = @By
            WHERE partnership_id = @PartnershipId AND firing_key = @FiringKey AND status = @Failed
            """;
        var changed = await database.WriteStatementAsync(sql, new
        {
            FailedFiring.Opened,
            FailedFiring.Failed,
            RoundId = roundId,
            Now = clock.GetUtcNow().UtcDateTime,
            By = by,
            PartnershipId = partnershipId,
            FiringKey = firingKey,
        }, cancellationToken);
        return changed > 0;
    }

    /// <summary>The partnership's failed firings (of one cycle, or all), oldest due first; <paramref name="openOnly"/> leaves out resolved ones.</summary>
    public async Task<IReadOnlyList<FailedFiring>> ListAsync(string partnershipId, string? cycleId, bool openOnly, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ListAsync(connection, partnershipId, cycleId, openOnly, cancellationToken);
    }

    /// <inheritdoc cref="ListAsync(string, string?, bool, CancellationToken)"/>
    public static async Task<IReadOnlyList<FailedFiring>> ListAsync(DbConnection connection, string partnershipId, string? cycleId, bool openOnly,
        CancellationToken cancellationToken)
    {
        var sql = $"SELECT {Columns} FROM failed_firing WHERE partnership_id = @PartnershipId"
            + (cycleId is null ? "" : " AND cycle_id = @CycleId")
            + (openOnly ? " AND status = @Failed" : "")
            + " ORDER BY scheduled_for_utc, firing_key";
        return (await connection.QueryAsync<FailedFiring>(new CommandDefinition(sql,
            new { PartnershipId = partnershipId, CycleId = cycleId, FailedFiring.Failed }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Failed firings not yet opened, in every partnership (for <c>deepdive status</c>).</summary>
    public async Task<IReadOnlyList<FailedFiring>> OpenEverywhereAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<FailedFiring>(new CommandDefinition(
            $"SELECT {Columns} FROM failed_firing WHERE status = @Failed ORDER BY scheduled_for_utc, firing_key",
            new { FailedFiring.Failed }, cancellationToken: cancellationToken))).ToList();
    }

    private static async Task<FailedFiring?> ReadAsync(DbConnection connection, DbTransaction? transaction, string partnershipId, string firingKey,
        CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<FailedFiring>(new CommandDefinition(
            $"SELECT {Columns} FROM failed_firing WHERE partnership_id = @PartnershipId AND firing_key = @FiringKey",
            new { PartnershipId = partnershipId, FiringKey = firingKey }, transaction, cancellationToken: cancellationToken));

    private async Task<string> ZoneAsync(string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        try
        {
            return (await new CycleStore(database, clock).GetAsync(partnershipId, cycleId, cancellationToken))?.Schedule.TimeZone ?? FiringName.DefaultZone;
        }
        catch (Exception e) when (TransientFaults.IsTransient(e))
        {
            // The record matters more than the zone it is shown in.
            return FiringName.DefaultZone;
        }
    }

    private static string Describe(string kind) => kind == Workflows.Data.RoundKinds.ReAudit ? "re-audit round" : "round";

    private Notification Notice(FailedFiring row, string zone)
    {
        var due = FiringName.Local(row.ScheduledForUtc, zone);
        return new(
        $"failed-firing:{row.FiringKey}",
        NoticeKind,
        "Partnership business team",
        notifications.BusinessTeamAddress,
        $"Audit round not opened: {row.CycleId}, due {due}",
        $"""
        The {Describe(row.Kind)} of cycle '{row.CycleId}' due {due} could not be opened.

        Reason: {row.Reason}
        Attempts: {row.Attempts}

        Nothing was stored for this round. Once the cause is fixed, open it with:

            deepdive round retry {row.CycleId} {FiringName.Of(row.ScheduledForUtc, zone)}

        The round keeps its place in the programme: a retry opens it once, with the same sample it would have drawn.
        """);
    }
}
