using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>
/// Takes the round's locked list. The sample is drawn and stored when the round opens (<see cref="RoundStarter"/>);
/// when its cycle asks a manager to review the draw, the step waits for the lock (<c>deepdive sample lock</c>) and then
/// takes the list as reviewed, with any replacements and hand-added cases. A round opened before draws were stored
/// with it is drawn here, as it always was.
/// </summary>
public sealed class DrawSampleStep(StepWrites stepWrites, RoundStore rounds, SampleDrawer drawer, SampleList lists) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var (drawn, locked) = await lists.StateAsync(data.RoundId, cancellationToken);
        if (drawn)
        {
            if (!locked && !context.ExecutionPointer.EventPublished)
            {
                return ExecutionResult.WaitForEvent(WorkflowEvents.SampleLocked, data.RoundId, DateTime.MinValue);
            }

            data.Cases = await lists.CasesAsync(data.RoundId, cancellationToken);
            return ExecutionResult.Next();
        }

        return await DrawHereAsync(data, batch, cancellationToken);
    }

    private async Task<ExecutionResult> DrawHereAsync(AuditRoundData data, StepBatch batch, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        SampleDrawer.Result result;
        try
        {
            result = await drawer.DrawAsync(round, cancellationToken);
        }
        catch (SampleDrawException e)
        {
            data.Cases = [];
            batch.Write((c, t, ct) => RoundStore.RecordDrawFailedAsync(c, t, round.RoundId, e.Message, ct));
            return ExecutionResult.Next();
        }

        data.Cases = [.. result.Draw.Selected];
        var record = result.Record.ToJson();
        var note = RoundStarter.Note(result);
        batch.Write(async (c, t, ct) =>
        {
            await SampleList.InsertDrawAsync(c, t, round.PartnershipId, round.RoundId, result.Draw, ct);
            await RoundStore.RecordDrawAsync(c, t, round.RoundId, note, record, ct);
        });
        return ExecutionResult.Next();
    }
}
