using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Scheduling;
using DeepDive.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Scheduling;

/// <summary>
/// The real engine (Quartz on its persistent store, WorkflowCore on ours) on a virtual clock: time jumps to the next
/// instant anything is due and the engine runs until idle, as the year simulation does. Stopping and starting again
/// on the same database and clock is a restart.
/// </summary>
internal sealed class VirtualEngine : IAsyncDisposable
{
    public const string Partnership = "p";

    private readonly string instanceName = $"t-{Guid.NewGuid():N}";

    private VirtualEngine(Database database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
    }

    public Database Database { get; }
    public FakeTimeProvider Clock { get; }

    /// <summary>Where this engine's notifications are written as .eml files.</summary>
    public string OutboxFolder { get; } = Path.Combine(Path.GetTempPath(), "deepdive-tests", "outbox-" + Guid.NewGuid().ToString("N"));
    public DeepDiveRuntime? Runtime { get; private set; }

    public static async Task<VirtualEngine> CreateAsync(Database database, DateTimeOffset start)
    {
        var engine = new VirtualEngine(database, new FakeTimeProvider(start));
        await new PartnershipStore(database, engine.Clock).EnsureAsync(Partnership, Partnership, CancellationToken.None);
        // A small register, so every round has a population to draw from (an empty one opens no round).
        var register = DeepDive.Simulation.SyntheticPartnership.Generate(1, 60, start.UtcDateTime);
        await database.InTransactionAsync((connection, transaction) =>
            new DeepDive.Engine.Cases.CaseStore(database, engine.Clock).UpsertAsync(Partnership, register.Cases, connection, transaction, CancellationToken.None), CancellationToken.None);
        return engine;
    }

    /// <summary>Stores the cycles; <see cref="StartAsync"/> schedules them.</summary>
    public async Task AddCyclesAsync(params CycleDefinition[] cycles)
    {
        foreach (var cycle in cycles)
        {
            await new CycleStore(Database, Clock).AddOrUpdateAsync(Partnership, cycle, CancellationToken.None);
        }
    }

    public async Task StartAsync(bool scheduleCycles = true)
    {
        Runtime = DeepDiveRuntime.Create(Database, Clock, new RuntimeOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(40),
            IdleTime = TimeSpan.FromMilliseconds(10),
            SchedulerIdleWait = TimeSpan.FromSeconds(1),
            InstanceName = instanceName,
            Notifications = new DeepDive.Engine.Notifications.NotificationSettings { Folder = OutboxFolder },
            // Transient errors are retried after real-time waits: short ones here.
            FiringRetry = new DeepDive.Engine.FiringFailures.FiringRetryOptions { Retries = 3, FirstDelay = TimeSpan.FromMilliseconds(20) },
        });
        await Runtime.StartAsync(CancellationToken.None);
        if (scheduleCycles)
        {
            var scheduler = Runtime.Services.GetRequiredService<CycleScheduler>();
            foreach (var cycle in await new CycleStore(Database, Clock).ListAsync(Partnership, CancellationToken.None))
            {
                await scheduler.ScheduleAsync(Partnership, cycle, CancellationToken.None);
            }
        }
    }

    /// <summary>Stops the engine as a shutdown would; its Quartz store keeps every trigger.</summary>
    public async Task StopAsync()
    {
        if (Runtime is not null)
        {
            await Runtime.DisposeAsync();
            Runtime = null;
        }
    }

    /// <summary>Moves the clock from due instant to due instant up to <paramref name="until"/>, letting the engine finish each time.</summary>
    public async Task RunUntilAsync(DateTimeOffset until)
    {
        var runtime = Runtime ?? throw new InvalidOperationException("Start the engine first.");
        while (true)
        {
            await WaitUntilIdleAsync(runtime);
            var next = await runtime.NextDueAsync(CancellationToken.None);
            if (next is null || next > until)
            {
                break;
            }

            if (next > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(next.Value);
            }
        }

        if (until > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(until);
        }

        await WaitUntilIdleAsync(runtime);
    }

    private async Task WaitUntilIdleAsync(DeepDiveRuntime runtime)
    {
        try
        {
            await runtime.WaitUntilIdleAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        }
        catch (TimeoutException e)
        {
            await using var connection = await Database.OpenAsync(CancellationToken.None);
            var triggers = await connection.QueryAsync<(string Name, string Group, string State, long Next)>(
                "SELECT trigger_name, trigger_group, trigger_state, next_fire_time FROM qrtz_triggers WHERE sched_name = @Name", new { Name = instanceName });
            throw new TimeoutException($"{e.Message} at {Clock.GetUtcNow():u}; triggers: "
                + string.Join("; ", triggers.Select(t => $"{t.Group}/{t.Name} {t.State} next {new DateTime(t.Next, DateTimeKind.Utc):u}")), e);
        }
    }

    public sealed class Round
    {
        public string RoundId { get; set; } = "";
        public string CycleId { get; set; } = "";
        public string FiringKey { get; set; } = "";
        public DateTime ScheduledForUtc { get; set; }
        public DateTime? MovedFromUtc { get; set; }
        public string? MoveReason { get; set; }
    }

    public async Task<IReadOnlyList<Round>> RoundsAsync(string cycleId)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<Round>("""
            SELECT round_id AS RoundId, cycle_id AS CycleId, firing_key AS FiringKey, scheduled_for_utc AS ScheduledForUtc,
                   moved_from_utc AS MovedFromUtc, move_reason AS MoveReason
            FROM audit_round WHERE cycle_id = @CycleId ORDER BY scheduled_for_utc
            """, new { CycleId = cycleId })).ToList();
    }

    /// <summary>Moved firings still waiting in Quartz's store.</summary>
    public async Task<long> WaitingMovedTriggersAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM qrtz_triggers WHERE sched_name = @Name AND trigger_group = @Group",
            new { Name = instanceName, Group = MovedRoundScheduler.Group });
    }

    public async Task<long> ErrorsAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM wf_error");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public static CycleDefinition Cycle(string id, string cron, bool? avoidSchoolHolidays = null, int deadline = 10, int sampleSize = 2) => new()
    {
        Id = id,
        Name = id,
        Theme = "neglect",
        Schedule = new CycleSchedule { Cron = cron, AvoidSchoolHolidays = avoidSchoolHolidays },
        SampleSize = sampleSize,
        ReserveSize = 0,
        TaskDeadlineWorkingDays = deadline,
    };
}
