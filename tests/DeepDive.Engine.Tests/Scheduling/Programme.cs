using Dapper;
using DeepDive.Domain.Auditors;
using DeepDive.Domain.Cases;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Scheduling;

/// <summary>
/// A partnership on a real SQLite file with a virtual clock, a small case register and auditor pool, and engines
/// (Quartz + WorkflowCore) that a test starts, stops and starts again on the same database, as a restart would.
/// </summary>
internal sealed class Programme : IAsyncDisposable
{
    public const string Partnership = "p";

    private readonly SqliteDatabase sqlite = SqliteDatabase.CreateMigrated();
    private readonly string instanceName = $"t-{Guid.NewGuid():N}";
    private DeepDiveRuntime? runtime;

    public Programme(DateTimeOffset start)
    {
        Clock = new FakeTimeProvider(start);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The Quartz scheduler name, as stored in its tables' sched_name.</summary>
    public string InstanceName => instanceName;

    public Database Database => sqlite.Database;

    public DeepDiveRuntime Runtime => runtime ?? throw new InvalidOperationException("Start the engine first.");

    public CycleLifecycle Lifecycle => Runtime.Services.GetRequiredService<CycleLifecycle>();

    public static CycleDefinition Cycle(string id, int[] months, int sampleSize = 2, string name = "Neglect deep dive", ReAuditRule? reAudit = null) => new()
    {
        ReAudit = reAudit ?? new ReAuditRule(),
        Id = id,
        Name = name,
        Theme = "neglect",
        Schedule = new CycleSchedule { Months = months },
        SampleSize = sampleSize,
        ReserveSize = 0,
        TaskDeadlineWorkingDays = 20,
    };

    /// <summary>The partnership, 30 open cases of children's social care and health, and six auditors.</summary>
    public async Task SeedAsync(int cases = 30)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await new PartnershipStore(Database, Clock).EnsureAsync(Partnership, Partnership, CancellationToken.None);
        var register = Enumerable.Range(1, cases).Select(i => new CaseRecord($"C-{i:D4}", "csc", "child-in-need",
            $"team-{i % 3}", $"W{i}", null, now.AddYears(-1), null, ["health"])).ToList();
        var auditors = Enumerable.Range(1, 6).Select(i => new Auditor($"A{i}", $"Auditor {i}", i % 2 == 0 ? "health" : "csc", $"qa-{i}", [], 50)).ToList();
        await Database.InTransactionAsync(async (c, t) =>
        {
            await new CaseStore(Database, Clock).UpsertAsync(Partnership, register, c, t, CancellationToken.None);
            await new AuditorStore(Database, Clock).UpsertAsync(Partnership, auditors, c, t, CancellationToken.None);
        }, CancellationToken.None);
    }

    public async Task StartAsync()
    {
        if (runtime is not null)
        {
            throw new InvalidOperationException("The engine is already running.");
        }

        runtime = DeepDiveRuntime.Create(Database, Clock, new RuntimeOptions
        {
            InstanceName = instanceName,
            PollInterval = TimeSpan.FromMilliseconds(50),
            SchedulerIdleWait = TimeSpan.FromSeconds(1),
        });
        await runtime.StartAsync(CancellationToken.None);
    }

    public async Task StopAsync()
    {
        if (runtime is not null)
        {
            await runtime.DisposeAsync();
            runtime = null;
        }
    }

    public Task IdleAsync() => Runtime.WaitUntilIdleAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

    /// <summary>Moves the clock to <paramref name="at"/> and lets the engine do what fell due.</summary>
    public async Task AdvanceToAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        await IdleAsync();
    }

    public sealed class RoundRow
    {
        public string RoundId { get; set; } = "";
        public string CycleId { get; set; } = "";
        public string Kind { get; set; } = "";
        public DateTime ScheduledForUtc { get; set; }
        public DateTime StartedUtc { get; set; }
        public int Late { get; set; }
        public string? Note { get; set; }
        public string CycleJson { get; set; } = "";
        public string? OpenedBy { get; set; }
    }

    public async Task<IReadOnlyList<RoundRow>> RoundsAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<RoundRow>("""
            SELECT round_id AS RoundId, cycle_id AS CycleId, kind AS Kind, scheduled_for_utc AS ScheduledForUtc, started_utc AS StartedUtc,
                   late AS Late, start_note AS Note, cycle_json AS CycleJson, opened_by AS OpenedBy
            FROM audit_round ORDER BY scheduled_for_utc, started_utc
            """)).ToList();
    }

    /// <summary>Answers every open task with the grade <paramref name="grade"/> gives it, then lets the engine run.</summary>
    public async Task<IReadOnlyList<TaskBoard.TaskView>> AnswerOpenTasksAsync(Func<TaskBoard.TaskView, string> grade)
    {
        var board = Runtime.Services.GetRequiredService<TaskBoard>();
        var open = await board.ListAsync(Partnership, null, openOnly: true, CancellationToken.None);
        foreach (var task in open)
        {
            await board.SubmitAsync(Partnership, task.TaskId, task.AuditorId!, new TaskSubmission { Grade = grade(task) }, CancellationToken.None);
        }

        await IdleAsync();
        return open;
    }

    public async Task<IReadOnlyList<T>> ScalarRowsAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        sqlite.Dispose();
    }
}
