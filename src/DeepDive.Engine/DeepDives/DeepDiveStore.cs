using System.Data.Common;
using Dapper;
using DeepDive.Domain.DeepDives;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.DeepDives;

/// <summary>The <c>deep_dive</c> rows: opened with their workflow, graded, compared with a first finding, closed.</summary>
public sealed class DeepDiveStore(Database database)
{
    /// <summary>A deep dive about to open: one sampled case of a round, with its workflow and, for a re-audit, the first deep dive of the case.</summary>
    public sealed record Opening(string PartnershipId, string DeepDiveId, string RoundId, string CaseRef, string WorkflowId, string? FirstDeepDiveId);

    /// <summary>A re-audited case's grade beside its first finding's.</summary>
    public sealed record ReAuditPair(string DeepDiveId, string? Grade, string? FirstGrade);

    public static Task OpenAsync(DbConnection connection, DbTransaction transaction, Opening opening, DateTime openedUtc, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO deep_dive (partnership_id, deep_dive_id, round_id, case_ref, workflow_id, status, needs_work, first_deep_dive_id, opened_utc)
            VALUES (@PartnershipId, @DeepDiveId, @RoundId, @CaseRef, @WorkflowId, @Status, 0, @FirstDeepDiveId, @Now)
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            opening.PartnershipId, opening.DeepDiveId, opening.RoundId, opening.CaseRef, opening.WorkflowId, Status = DeepDiveStatus.Open,
            opening.FirstDeepDiveId, Now = openedUtc,
        }, transaction, cancellationToken: cancellationToken));
    }

    public static Task GradeAsync(DbConnection connection, DbTransaction transaction, string deepDiveId, string grade, bool needsWork,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deep_dive SET overall_grade = @Grade, needs_work = @NeedsWork, status = @Status WHERE deep_dive_id = @DeepDiveId",
            new { Grade = grade, NeedsWork = needsWork ? 1 : 0, Status = DeepDiveStatus.Graded, DeepDiveId = deepDiveId }, transaction, cancellationToken: cancellationToken));

    public static Task CloseAsync(DbConnection connection, DbTransaction transaction, string deepDiveId, DateTime closedUtc, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deep_dive SET status = @Status, closed_utc = @Now WHERE deep_dive_id = @DeepDiveId",
            new { Status = DeepDiveStatus.Closed, Now = closedUtc, DeepDiveId = deepDiveId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Records each re-audited deep dive's comparison (improved, same, worse) with its first finding.</summary>
    public static Task CompareAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(string DeepDiveId, string Comparison)> comparisons,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deep_dive SET comparison = @Comparison WHERE deep_dive_id = @DeepDiveId",
            comparisons.Select(c => new { c.DeepDiveId, c.Comparison }).ToList(), transaction, cancellationToken: cancellationToken));

    /// <summary>The deep dives of a re-audit round, each with its first deep dive's grade.</summary>
    public async Task<IReadOnlyList<ReAuditPair>> ReAuditPairsAsync(string roundId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT d.deep_dive_id AS DeepDiveId, d.overall_grade AS Grade, f.overall_grade AS FirstGrade
            FROM deep_dive d JOIN deep_dive f ON f.deep_dive_id = d.first_deep_dive_id
            WHERE d.round_id = @RoundId
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string DeepDiveId, string? Grade, string? FirstGrade)>(
            new CommandDefinition(sql, new { RoundId = roundId }, cancellationToken: cancellationToken));
        return rows.Select(r => new ReAuditPair(r.DeepDiveId, r.Grade, r.FirstGrade)).ToList();
    }

    /// <summary>The cases of a round whose findings needed work, by reference.</summary>
    public async Task<IReadOnlyList<string>> CasesNeedingWorkAsync(string roundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT case_ref FROM deep_dive WHERE round_id = @RoundId AND needs_work = 1 ORDER BY case_ref",
            new { RoundId = roundId }, cancellationToken: cancellationToken))).ToList();
    }
}
