using Dapper;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Assignment;

/// <summary>The tasks a round could not assign, each with why: written by the assign step, read by managers.</summary>
public sealed class UnassignedTaskStore(Database database)
{
    private sealed class Row
    {
        public string ExplanationJson { get; set; } = "";
    }

    /// <summary>Replaces the round's unassigned tasks with these, in the step's transaction (a step that runs again leaves one set).</summary>
    public static DomainWrite Replace(string partnershipId, string roundId, IReadOnlyList<StoredExplanation> unassigned, DateTime nowUtc) =>
        async (connection, transaction, cancellationToken) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM unassigned_task WHERE round_id = @RoundId", new { RoundId = roundId }, transaction, cancellationToken: cancellationToken));
            if (unassigned.Count == 0)
            {
                return;
            }

            const string insert = """
                INSERT INTO unassigned_task (partnership_id, round_id, task_id, case_ref, agency, summary, explanation_json, created_utc)
                VALUES (@PartnershipId, @RoundId, @TaskId, @CaseRef, @Agency, @Summary, @ExplanationJson, @CreatedUtc)
                """;
            await connection.ExecuteAsync(new CommandDefinition(insert, unassigned.Select(u => new
            {
                PartnershipId = partnershipId,
                RoundId = roundId,
                u.TaskId,
                u.CaseRef,
                u.Agency,
                u.Summary,
                ExplanationJson = u.ToJson(),
                CreatedUtc = nowUtc,
            }).ToList(), transaction, cancellationToken: cancellationToken));
        };

    /// <summary>A round's unassigned tasks in task order; an unknown round is refused with an <see cref="ArgumentException"/>.</summary>
    public async Task<IReadOnlyList<StoredExplanation>> ListAsync(string partnershipId, string roundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var args = new { PartnershipId = partnershipId, RoundId = roundId };
        if (await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT round_id FROM audit_round WHERE partnership_id = @PartnershipId AND round_id = @RoundId", args, cancellationToken: cancellationToken)) is null)
        {
            throw new ArgumentException($"There is no round '{roundId}' in partnership '{partnershipId}'.");
        }

        var sql = $"""
            SELECT explanation_json AS ExplanationJson FROM unassigned_task
            WHERE partnership_id = @PartnershipId AND round_id = @RoundId
            ORDER BY {database.Dialect.Ordinal("task_id")}
            """;
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return rows.Select(r => StoredExplanation.Parse(r.ExplanationJson)).ToList();
    }
}
