using System.Globalization;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Opens the single-agency audit task of each involved agency, with its auditor and a due date counted in working days.</summary>
public sealed class OpenAgencyTasksStep(StepWrites stepWrites, CalendarStore calendars, Notifications.ChaseScheduler chase, TimeProvider clock,
    ILogger<OpenAgencyTasksStep> logger) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (DeepDiveData)context.Workflow.Data;
        var opened = clock.GetUtcNow();
        var now = opened.UtcDateTime;
        // Due at the same local time, the deadline's number of working days later.
        var calendar = await calendars.ForPartnershipAsync(data.PartnershipId, data.DeadlineSkipsSchoolHolidays, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(data.TimeZone);
        var dueAt = calendar.AddWorkingDays(opened, data.TaskDeadlineWorkingDays, zone);
        var due = dueAt.UtcDateTime;
        var dueDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dueAt, zone).DateTime);
        if (BankHolidayCoverage.Of(calendar).NotChecked(
            $"the tasks' due date, {dueDay.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)} ({data.TaskDeadlineWorkingDays} working days),",
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(opened, zone).DateTime), dueDay) is { } notChecked)
        {
            logger.LogWarning("Round {RoundId}, deep dive {DeepDiveId}: {Warning}", data.RoundId, data.DeepDiveId, notChecked);
            // The round's note says once that its days were not all checked; the log has every due date.
            batch.Write((c, t, ct) => Rounds.RoundStartNote.AddAsync(c, t, data.RoundId, notChecked, BankHolidayCoverage.NotCheckedPhrase, ct));
        }

        var tasks = data.Tasks.Select(t => new AuditTaskStore.Opening(
            data.PartnershipId, t.TaskId, data.DeepDiveId, data.RoundId, data.CaseRef, t.Agency, t.AuditorId, t.UnassignedReason)).ToList();
        batch.Write((c, t, ct) => AuditTaskStore.OpenAsync(c, t, tasks, now, due, ct));

        // The chase job wakes in time for these tasks' first reminder (or escalation). Should this be lost in a
        // crash, the chase at the next start-up finds them anyway.
        var first = Domain.Notifications.TaskChaser.Occasions(data.Chase, opened, dueAt, calendar.IsWorkingDay, zone).FirstOrDefault();
        if (first is not null)
        {
            batch.AfterCommit.Add(() => chase.EnsureByAsync(first.SendAt, CancellationToken.None));
        }

        return ExecutionResult.Next();
    }
}
