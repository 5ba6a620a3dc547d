using System.Diagnostics;
using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Scheduling;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Simulation;

/// <summary>
/// Runs a partnership's programme through a year in virtual time, through the same triggers, workflows and
/// stores as production: the clock jumps to the next instant anything is due, the engine runs until idle,
/// and simulated auditors answer their tasks.
/// </summary>
public sealed class YearSimulation(Database database, string partnershipId, int seed)
{
    public sealed record Progress(DateTime NowUtc, double Fraction, string Activity);

    /// <param name="Programme">The cycles to run; the demo programme when null.</param>
    /// <param name="Notifications">Where reminders and escalations go; .eml files in ./outbox when null.</param>
    /// <param name="RestartAtUtc">When set, the engine is stopped as a shutdown would stop it once virtual time reaches this
    /// instant, and a new one started on the same database (a restart in the middle of the year).</param>
    public sealed record Options(DateTime FromUtc, DateTime ToUtc, int CaseCount, string InstanceName = "deepdive",
        IReadOnlyList<CycleDefinition>? Programme = null, Engine.Notifications.NotificationSettings? Notifications = null, DateTime? RestartAtUtc = null)
    {
        public IReadOnlyList<CycleDefinition> Cycles => Programme ?? DemoProgramme.Cycles();
    }

    private sealed class OpenTask
    {
        public string TaskId { get; set; } = "";
        public DateTime OpenedUtc { get; set; }
        public string? AuditorId { get; set; }
        public string Kind { get; set; } = "";
    }

    public async Task<YearSummary> RunAsync(Options options, IProgress<Progress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var clock = new FakeTimeProvider(new DateTimeOffset(options.FromUtc));
        Migrator.Upgrade(database);
        progress?.Report(new Progress(options.FromUtc, 0, "generating the partnership"));
        var partnership = SyntheticPartnership.Generate(seed, options.CaseCount, options.FromUtc);
        await SetUpAsync(partnership, options.Cycles, clock, cancellationToken);

        var runtimeOptions = new RuntimeOptions
        {
            PollInterval = TimeSpan.FromMilliseconds(40),
            IdleTime = TimeSpan.FromMilliseconds(10),
            SchedulerIdleWait = TimeSpan.FromSeconds(1),
            InstanceName = options.InstanceName,
            Notifications = options.Notifications ?? new Engine.Notifications.NotificationSettings
            {
                Folder = Path.Combine(Path.GetTempPath(), "deepdive-simulation", Guid.NewGuid().ToString("N"), "outbox"),
            },
        };
        var runtime = DeepDiveRuntime.Create(database, clock, runtimeOptions);
        var restartAt = options.RestartAtUtc;
        try
        {
            await runtime.StartAsync(cancellationToken);
            var scheduler = runtime.Services.GetRequiredService<CycleScheduler>();
            foreach (var cycle in options.Cycles)
            {
                await scheduler.ScheduleAsync(partnershipId, cycle, cancellationToken);
            }

            TaskBoard Board() => runtime.Services.GetRequiredService<TaskBoard>();
            var auditors = new SimulatedAuditors(seed);
            var manager = new SimulatedQaManager(seed);
            var planned = new SortedDictionary<(DateTime, string), (OpenTask Task, SimulatedAuditors.Answer Answer)>();
            var known = new HashSet<string>();
            var total = (options.ToUtc - options.FromUtc).TotalSeconds;
            while (true)
            {
                await runtime.WaitUntilIdleAsync(TimeSpan.FromMinutes(2), cancellationToken);
                // A manager reviews each draw that waits for review, replaces a case and locks it the same day, as the QA lead would.
                foreach (var roundId in await RoundsAwaitingReviewAsync(cancellationToken))
                {
                    await manager.ReviewAsync(runtime.Services.GetRequiredService<Engine.Rounds.SampleList>(), partnershipId, roundId, cancellationToken);
                }

                foreach (var task in await OpenTasksAsync(cancellationToken))
                {
                    if (known.Add(task.TaskId))
                    {
                        var answer = auditors.Respond(task.TaskId, task.OpenedUtc, task.Kind == "re-audit");
                        planned[(answer.SubmitAtUtc, task.TaskId)] = (task, answer);
                    }
                }

                var now = clock.GetUtcNow();
                DateTimeOffset? next = await runtime.NextDueAsync(cancellationToken);
                if (planned.Count > 0)
                {
                    var first = new DateTimeOffset(planned.Keys.First().Item1);
                    next = next is null || first < next ? first : next;
                }

                if (next is null || next > options.ToUtc)
                {
                    break;
                }

                if (restartAt is { } restart && next > restart)
                {
                    // Shut the engine down as an operator would, let the clock reach the restart, and start a new one.
                    await runtime.DisposeAsync();
                    clock.SetUtcNow(new DateTimeOffset(restart));
                    runtime = DeepDiveRuntime.Create(database, clock, runtimeOptions);
                    await runtime.StartAsync(cancellationToken);
                    restartAt = null;
                    progress?.Report(new Progress(restart, (restart - options.FromUtc).TotalSeconds / total, "engine restarted"));
                    continue;
                }

                if (next > now)
                {
                    clock.SetUtcNow(next.Value);
                    now = next.Value;
                }

                foreach (var key in planned.Keys.TakeWhile(k => k.Item1 <= now.UtcDateTime).ToList())
                {
                    var (task, answer) = planned[key];
                    planned.Remove(key);
                    await Board().SubmitAsync(partnershipId, task.TaskId, task.AuditorId ?? "business-team", answer.Submission, cancellationToken);
                }

                progress?.Report(new Progress(now.UtcDateTime, (now.UtcDateTime - options.FromUtc).TotalSeconds / total, $"{now:d MMM yyyy}"));
            }

            clock.SetUtcNow(new DateTimeOffset(options.ToUtc));
            progress?.Report(new Progress(options.ToUtc, 1, "done"));
            await runtime.StopAsync();
        }
        finally
        {
            await runtime.DisposeAsync();
        }

        return await YearSummaryQuery.RunAsync(database, partnershipId, partnership.Schools.Count, stopwatch.Elapsed, cancellationToken);
    }

    private async Task SetUpAsync(SyntheticPartnership partnership, IReadOnlyList<CycleDefinition> programme, TimeProvider clock, CancellationToken cancellationToken)
    {
        await new PartnershipStore(database, clock).EnsureAsync(partnershipId, "Demo Safeguarding Children Partnership", cancellationToken);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await new CaseStore(database, clock).UpsertAsync(partnershipId, partnership.Cases, connection, transaction, cancellationToken);
            await new AuditorStore(database, clock).UpsertAsync(partnershipId, partnership.Auditors, connection, transaction, cancellationToken);
        }, cancellationToken);
        var cycles = new CycleStore(database, clock);
        foreach (var cycle in programme)
        {
            await cycles.AddOrUpdateAsync(partnershipId, cycle, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> RoundsAwaitingReviewAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT round_id FROM audit_round WHERE partnership_id = @PartnershipId AND status = @Status ORDER BY round_id",
            new { PartnershipId = partnershipId, Status = Engine.Rounds.SampleList.AwaitingReview }, cancellationToken: cancellationToken))).ToList();
    }

    private async Task<IReadOnlyList<OpenTask>> OpenTasksAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT t.task_id AS TaskId, t.opened_utc AS OpenedUtc, t.auditor_id AS AuditorId, r.kind AS Kind
            FROM audit_task t JOIN audit_round r ON r.round_id = t.round_id
            WHERE t.partnership_id = @PartnershipId AND t.status IN ('open', 'unassigned')
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<OpenTask>(new CommandDefinition(sql, new { PartnershipId = partnershipId }, cancellationToken: cancellationToken))).ToList();
    }
}
