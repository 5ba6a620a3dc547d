using Dapper;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Draws the round's seeded random sample from the cycle's population and locks it with its reserve list.</summary>
public sealed class DrawSampleStep(StepWrites stepWrites, RoundStore rounds, SampleDrawer drawer) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        var drawn = await drawer.DrawAsync(round, cancellationToken);
        var (draw, strata) = drawn;
        var record = drawn.Record.ToJson();
        data.Cases = [.. draw.Selected];
        var rows = draw.Selected.Select((c, i) => new { CaseRef = c, Position = i + 1, List = "sample" })
            .Concat(draw.Reserves.Select((c, i) => new { CaseRef = c, Position = i + 1, List = "reserve" }))
            .Select(r => new { PartnershipId = round.PartnershipId, RoundId = round.RoundId, r.CaseRef, r.Position, r.List })
            .ToList();
        var note = draw.PopulationCount == 0
            ? "The population is empty: no case matches the cycle's filter, so nothing was drawn."
            : $"Population {draw.PopulationCount} cases (hash {draw.PopulationHash[..16]}); {draw.Selected.Count} drawn, {draw.Reserves.Count} in reserve; {draw.Algorithm}, seed {draw.Seed}."
              + (strata.Count == 0 ? "" : " Strata: " + string.Join("; ", strata.Select(s =>
                  $"{s.Key} {s.Drawn} of {s.Size}{(s.TakenWhole ? " (taken whole)" : "")}")) + ".");
        batch.Write(async (connection, transaction, ct) =>
        {
            const string insert = """
                INSERT INTO sample_case (partnership_id, round_id, case_ref, position, list)
                VALUES (@PartnershipId, @RoundId, @CaseRef, @Position, @List)
                """;
            await connection.ExecuteAsync(new CommandDefinition(insert, rows, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE audit_round SET note = @Note, status = @Status, sampling_json = @Record WHERE round_id = @RoundId",
                new { Note = note, Status = "sample-locked", Record = record, round.RoundId }, transaction, cancellationToken: ct));
        });
        return ExecutionResult.Next();
    }
}
