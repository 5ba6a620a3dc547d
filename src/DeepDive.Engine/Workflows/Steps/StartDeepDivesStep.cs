using DeepDive.Engine.DeepDives;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Starts one deep-dive workflow per sampled case, in the same transaction as the deep-dive rows.</summary>
public sealed class StartDeepDivesStep(StepWrites stepWrites, RoundStore rounds, WorkflowStarter starter, TimeProvider clock) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        data.DeepDiveIds = [];
        foreach (var plan in data.Plans)
        {
            var child = starter.Build("deep-dive", new DeepDiveData
            {
                PartnershipId = round.PartnershipId,
                RoundId = round.RoundId,
                DeepDiveId = plan.DeepDiveId,
                CaseRef = plan.CaseRef,
                FirstDeepDiveId = plan.FirstDeepDiveId,
                TaskDeadlineWorkingDays = round.Cycle.TaskDeadlineWorkingDays,
                DeadlineSkipsSchoolHolidays = round.Cycle.AvoidsSchoolHolidays(),
                TimeZone = round.Cycle.Schedule.TimeZone,
                Chase = round.Cycle.Chase,
                Tasks = plan.Tasks,
            }, plan.DeepDiveId);
            var opening = new DeepDiveStore.Opening(round.PartnershipId, plan.DeepDiveId, round.RoundId, plan.CaseRef, child.Id, plan.FirstDeepDiveId);
            batch.Write((c, t, ct) => DeepDiveStore.OpenAsync(c, t, opening, now, ct));
            batch.Write(starter.Insert(child));
            batch.AfterCommit.Add(starter.QueueWorkflow(child.Id));
            data.DeepDiveIds.Add(plan.DeepDiveId);
        }

        batch.Write((c, t, ct) => RoundStore.MarkInProgressAsync(c, t, round.RoundId, ct));
        return ExecutionResult.Next();
    }
}
