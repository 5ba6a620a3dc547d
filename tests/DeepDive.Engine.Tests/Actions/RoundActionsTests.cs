using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Tests.Scheduling;
using DeepDive.Engine.Workflows.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Engine.Tests.Actions;

/// <summary>A round's recommendations become proposed actions when it closes, through the real workflow.</summary>
public sealed class RoundActionsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_closing_round_proposes_one_action_per_recommendation_owned_by_the_agency_that_made_it_due_by_the_cycles_default()
    {
        await using var programme = new Programme(new DateTimeOffset(2027, 2, 20, 12, 0, 0, TimeSpan.Zero));
        await programme.SeedAsync();
        await programme.StartAsync();
        var cycle = Programme.Cycle("neglect", [3], sampleSize: 2) with { Actions = new Domain.Cycles.ActionRule { DueAfterMonths = 2 } };
        await programme.Lifecycle.AddOrUpdateAsync(Programme.Partnership, cycle, Ct);
        await programme.AdvanceToAsync(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var round = (await programme.RoundsAsync()).Single();
        var store = programme.Runtime.Services.GetRequiredService<ActionStore>();

        var board = programme.Runtime.Services.GetRequiredService<TaskBoard>();
        var tasks = await board.ListAsync(Programme.Partnership, null, openOnly: true, Ct);
        tasks.Should().HaveCountGreaterThan(1);
        programme.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 10, 15, 0, 0, TimeSpan.Zero));
        foreach (var task in tasks)
        {
            (await store.ListAsync(Programme.Partnership, null, Ct)).Should().BeEmpty("nothing is proposed before the round closes");
            await board.SubmitAsync(Programme.Partnership, task.TaskId, task.AuditorId!, new TaskSubmission
            {
                Grade = "requires-improvement",
                Recommendations = [$"Share the {task.Agency} chronology at strategy meetings", "  ", $"Audit {task.Agency} supervision records"],
            }, Ct);
        }

        await programme.IdleAsync();

        (await programme.ScalarAsync("SELECT COUNT(*) FROM audit_round WHERE status = 'closed'")).Should().Be(1);
        var proposed = await store.ListAsync(Programme.Partnership, null, Ct);
        proposed.Select(a => (a.TaskId, a.Description, a.OwnerAgency, a.CaseRef)).Should().BeEquivalentTo(tasks.SelectMany(t => new[]
        {
            (t.TaskId, $"Share the {t.Agency} chronology at strategy meetings", t.Agency, t.CaseRef),
            (t.TaskId, $"Audit {t.Agency} supervision records", t.Agency, t.CaseRef),
        }));
        proposed.Should().OnlyContain(a => a.State == ActionState.Proposed && a.Status == null && a.Source == ActionSource.AuditRound
            && a.RoundId == round.RoundId && a.CycleName == "Neglect deep dive" && a.DueOn == new DateOnly(2027, 5, 10));
        (await store.OpenConfirmedAsync(Ct)).Should().BeEmpty("a proposed action waits for a manager");

        var confirmed = await programme.Runtime.Services.GetRequiredService<ActionUpdates>().ConfirmAsync(Programme.Partnership, proposed[0].ActionId,
            new ActionChange { DueOn = new DateOnly(2027, 6, 30), OwnerName = "Pat Lead" }, "QA lead", Ct);
        confirmed.Should().BeEquivalentTo(new { State = ActionState.Confirmed, Status = RagStatus.Green, DueOn = new DateOnly(2027, 6, 30) });
        (await store.OpenConfirmedAsync(Ct)).Select(a => a.ActionId).Should().Equal(proposed[0].ActionId);
        (await programme.ScalarAsync("SELECT COUNT(*) FROM wf_error")).Should().Be(0);
    }
}
