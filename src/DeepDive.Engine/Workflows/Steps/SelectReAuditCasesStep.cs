using Dapper;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>A re-audit round takes the cases of its source round whose findings needed work.</summary>
public sealed class SelectReAuditCasesStep(StepWrites stepWrites, RoundStore rounds, Database database) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        const string sql = "SELECT case_ref FROM deep_dive WHERE round_id = @Source AND needs_work = 1 ORDER BY case_ref";
        await using var connection = await database.OpenAsync(cancellationToken);
        var cases = await connection.QueryAsync<string>(new CommandDefinition(sql, new { Source = round.ParentRoundId }, cancellationToken: cancellationToken));
        data.Cases = [.. cases];
        var rows = data.Cases.Select((c, i) => new { round.PartnershipId, round.RoundId, CaseRef = c, Position = i + 1, List = "re-audit" }).ToList();
        batch.Write(async (c, t, ct) =>
        {
            const string insert = """
                INSERT INTO sample_case (partnership_id, round_id, case_ref, position, list)
                VALUES (@PartnershipId, @RoundId, @CaseRef, @Position, @List)
                """;
            await c.ExecuteAsync(new CommandDefinition(insert, rows, t, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition("UPDATE re_audit SET status = 'running', re_audit_round_id = @RoundId WHERE source_round_id = @Source",
                new { round.RoundId, Source = round.ParentRoundId }, t, cancellationToken: ct));
        });
        return ExecutionResult.Next();
    }
}
