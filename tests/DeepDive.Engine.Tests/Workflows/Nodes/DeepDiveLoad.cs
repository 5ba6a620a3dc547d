using Dapper;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Engine.Tests.Workflows.Nodes;

/// <summary>Many real deep-dive workflows in a store, and the auditors who answer their tasks as they open.</summary>
internal sealed class DeepDiveLoad(Database database, int deepDives)
{
    public const string Partnership = "load";
    private const string RoundId = "R-load";

    /// <summary>Each deep dive journals open-agency-tasks, two human tasks, grade and close-deep-dive.</summary>
    public const int StepsPerDeepDive = 5;

    private readonly HashSet<string> submitted = [];

    public int DeepDives => deepDives;

    /// <summary>The round's own copy of its cycle, as a real round keeps it (steps such as grading read its rules).</summary>
    private static readonly string LoadCycleJson = DeepDive.Engine.Cycles.CycleFile.Serialize(new DeepDive.Domain.Cycles.CycleDefinition
    {
        Id = "load",
        Name = "Load",
        Theme = "load",
        Schedule = new DeepDive.Domain.Cycles.CycleSchedule { Months = [1] },
        SampleSize = 1,
    });

    public async Task SeedAsync()
    {
        await using var runtime = DeepDiveRuntime.Create(database, TimeProvider.System, new RuntimeOptions { InstanceName = $"seed-{Guid.NewGuid():N}" });
        runtime.Prepare();
        var now = DateTime.UtcNow;
        await new PartnershipStore(database, TimeProvider.System).EnsureAsync(Partnership, Partnership, CancellationToken.None);
        await database.InTransactionAsync((c, t) => c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_round (partnership_id, round_id, cycle_id, kind, firing_key, scheduled_for_utc, started_utc, status, seed, cycle_json)
            VALUES (@P, @R, 'load', 'scheduled', 'load', @Now, @Now, 'in-progress', 1, @CycleJson)
            """, new { P = Partnership, R = RoundId, Now = now, CycleJson = LoadCycleJson }, t)), CancellationToken.None);
        var starter = runtime.Services.GetRequiredService<WorkflowStarter>();
        foreach (var chunk in Enumerable.Range(1, deepDives).Chunk(250))
        {
            await database.InTransactionAsync(async (c, t) =>
            {
                foreach (var n in chunk)
                {
                    var id = $"{RoundId}/C{n:D5}";
                    var instance = starter.Build("deep-dive", new DeepDiveData
                    {
                        PartnershipId = Partnership,
                        RoundId = RoundId,
                        DeepDiveId = id,
                        CaseRef = $"C{n:D5}",
                        Tasks = [new TaskRef { TaskId = $"{id}/csc", Agency = "csc", AuditorId = "A1" }, new TaskRef { TaskId = $"{id}/health", Agency = "health", AuditorId = "A2" }],
                    }, id);
                    await c.ExecuteAsync(new CommandDefinition("""
                        INSERT INTO deep_dive (partnership_id, deep_dive_id, round_id, case_ref, workflow_id, status, needs_work, opened_utc)
                        VALUES (@P, @Id, @R, @Case, @W, 'open', 0, @Now)
                        """, new { P = Partnership, Id = id, R = RoundId, Case = $"C{n:D5}", W = instance.Id, Now = now }, t));
                    await starter.Insert(instance)(c, t, CancellationToken.None);
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>Submits an answer for every task that has opened since the last call; each task once.</summary>
    public async Task AnswerOpenTasksAsync()
    {
        var board = new TaskBoard(database, EventPublisher.StoreOnly(), TimeProvider.System);
        foreach (var task in await board.ListAsync(Partnership, null, openOnly: true, CancellationToken.None))
        {
            if (submitted.Add(task.TaskId))
            {
                await board.SubmitAsync(Partnership, task.TaskId, task.AuditorId!, new TaskSubmission
                {
                    Grade = task.Agency == "csc" ? "good" : "requires-improvement",
                    GoodPractice = ["Plans were reviewed on time"],
                }, CancellationToken.None);
            }
        }
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public Task<long> ClosedAsync() => CountAsync("SELECT COUNT(*) FROM deep_dive WHERE status = 'closed'");

    public Task<long> ExecutionsAsync() => CountAsync("SELECT COUNT(*) FROM wf_execution");

    public async Task<string> DescribeAsync() =>
        $"{await ClosedAsync()} of {deepDives} deep dives closed, {await ExecutionsAsync()} step executions, " +
        $"{await CountAsync("SELECT COUNT(*) FROM audit_task WHERE status = 'open'")} tasks open, " +
        $"{await CountAsync("SELECT COUNT(*) FROM wf_event WHERE is_processed = 0")} events unprocessed, " +
        $"{await CountAsync("SELECT COUNT(*) FROM wf_error")} errors";

    /// <summary>What exactly-once means here: every deep dive done, every step journalled once, every task answered once.</summary>
    public async Task ShouldBeCompleteExactlyOnceAsync()
    {
        (await ClosedAsync()).Should().Be(deepDives);
        (await CountAsync("SELECT COUNT(*) FROM (SELECT instance_id, pointer_id FROM wf_execution GROUP BY instance_id, pointer_id HAVING COUNT(*) > 1) d"))
            .Should().Be(0, "no step executed twice");
        (await ExecutionsAsync()).Should().Be(deepDives * StepsPerDeepDive, "every step executed");
        (await CountAsync("SELECT COUNT(*) FROM audit_task")).Should().Be(deepDives * 2, "no human task exists twice");
        (await CountAsync("SELECT COUNT(*) FROM audit_task WHERE status = 'submitted'")).Should().Be(deepDives * 2, "no submitted answer was lost");
        (await CountAsync("SELECT COUNT(*) FROM wf_event WHERE event_name = 'task-submitted'")).Should().Be(deepDives * 2);
        (await CountAsync("SELECT COUNT(*) FROM wf_instance WHERE definition_id = 'deep-dive' AND status <> 2")).Should().Be(0);
        (await CountAsync("SELECT COUNT(*) FROM deep_dive WHERE overall_grade IS NULL")).Should().Be(0);
    }
}
