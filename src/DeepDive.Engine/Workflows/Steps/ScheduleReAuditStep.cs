using DeepDive.Domain.ReAudits;
using DeepDive.Engine.ReAudits;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Scheduling;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>
/// Schedules the re-audit of a round's cases that need work, as a Quartz one-off trigger at the date the cycle's
/// re-audit rule gives (moved to the end of the audit year, or skipped with the reason, when the rule says so).
/// The trigger's key is the round's, so running this step again never schedules a second re-audit.
/// </summary>
public sealed class ScheduleReAuditStep(
    StepWrites stepWrites, RoundStore rounds, ReAuditStore reAudits, ReAuditScheduler scheduler, Calendars.CalendarStore calendars, TimeProvider clock) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        var cycle = round.Cycle;
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await calendars.ForCycleAsync(round.PartnershipId, cycle, cancellationToken);
        var plan = ReAuditPlanner.Plan(now, cycle.ReAudit, TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone), calendar.IsWorkingDay);
        if (plan.DueUtc is { } due)
        {
            await scheduler.ScheduleAsync(round.PartnershipId, round.RoundId, due, cancellationToken);
        }

        // A skipped re-audit keeps the date it would have had, beside the reason it was not scheduled.
        var dueUtc = plan.DueUtc ?? ReAuditComparison.DueDate(now, cycle.ReAudit.IntervalMonths);
        batch.Write((c, t, ct) => reAudits.PlanAsync(c, t, round.PartnershipId, round.RoundId, dueUtc, plan.Skipped, plan.Note, ct));
        return ExecutionResult.Next();
    }
}
