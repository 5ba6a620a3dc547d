using System.Data.Common;
using Dapper;
using DeepDive.Domain.ReAudits;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.ReAudits;

/// <summary>The <c>re_audit</c> row of a round whose findings needed work: planned (or skipped), running in its own round, done.</summary>
public sealed class ReAuditStore(Database database)
{
    /// <summary>
    /// Records the re-audit of <paramref name="sourceRoundId"/> once (a step that runs again changes nothing). A skipped
    /// re-audit keeps the date it would have had, beside the reason it was not scheduled.
    /// </summary>
    public Task PlanAsync(DbConnection connection, DbTransaction transaction, string partnershipId, string sourceRoundId, DateTime dueUtc, bool skipped,
        string? note, CancellationToken cancellationToken)
    {
        var sql = database.Dialect.InsertIfAbsent("re_audit", ["re_audit_id"], ["partnership_id", "source_round_id", "due_utc", "status", "note"]);
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            ReAuditId = $"re-audit/{sourceRoundId}",
            PartnershipId = partnershipId,
            SourceRoundId = sourceRoundId,
            DueUtc = dueUtc,
            Status = ReAuditStatus.Planned(skipped),
            Note = note,
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The re-audit of <paramref name="sourceRoundId"/> runs as round <paramref name="reAuditRoundId"/>.</summary>
    public static Task StartAsync(DbConnection connection, DbTransaction transaction, string sourceRoundId, string reAuditRoundId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE re_audit SET status = @Status, re_audit_round_id = @RoundId WHERE source_round_id = @Source",
            new { Status = ReAuditStatus.Running, RoundId = reAuditRoundId, Source = sourceRoundId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The re-audit's round has closed.</summary>
    public static Task DoneAsync(DbConnection connection, DbTransaction transaction, string reAuditRoundId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE re_audit SET status = @Status WHERE re_audit_round_id = @RoundId",
            new { Status = ReAuditStatus.Done, RoundId = reAuditRoundId }, transaction, cancellationToken: cancellationToken));
}
