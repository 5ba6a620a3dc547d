using System.Diagnostics;
using Dapper;
using DeepDive.Domain.Grading;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Bench;

/// <summary>
/// One store's measured run of the deep-dive suite: the real engine (<see cref="DeepDiveRuntime"/>, as <c>deepdive run</c>
/// starts it) on a fresh database, seeded rounds starting N real deep-dive workflows, and once every task is open, the
/// auditors submitting them through the task board as <c>deepdive task submit</c> does, until every deep dive is closed.
/// The engine runs the workflows' own steps: tasks opened, answers recorded, grades and the journal written.
/// </summary>
public static class DeepDiveBenchRun
{
    /// <param name="Latencies">Per task: submitted (the task board's time) to the step taking it (the journal's time).</param>
    public sealed record Outcome(int Closed, TimeSpan Opening, TimeSpan Submitting, IReadOnlyList<TimeSpan> Latencies);

    private static readonly TimeSpan Look = TimeSpan.FromMilliseconds(10);

    public static async Task<Outcome> RunAsync(BenchStore store, int deepDives, BenchOptions options, CancellationToken cancellationToken)
    {
        var database = store.Database ?? throw new ArgumentException("The real deep dive runs on our store only.", nameof(store));
        await using var runtime = DeepDiveRuntime.Create(database, TimeProvider.System, new RuntimeOptions { PollInterval = options.PollInterval });
        await runtime.StartAsync(cancellationToken);
        var rounds = new DeepDiveBenchRounds(database, runtime.Services.GetRequiredService<TimeProvider>(), deepDives, options.Auditors);
        await rounds.SeedAsync(cancellationToken);
        var tasks = rounds.Tasks.ToList();
        var starter = runtime.Services.GetRequiredService<WorkflowStarter>();
        var board = runtime.Services.GetRequiredService<TaskBoard>();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var plan in rounds.Plans())
            {
                await rounds.StartAsync(plan, starter, timeout.Token);
            }

            await UntilAsync(database, "SELECT COUNT(*) FROM audit_task WHERE status = 'open'", tasks.Count, timeout.Token);
            var opening = clock.Elapsed;

            clock.Restart();
            var auditors = new ParallelOptions { MaxDegreeOfParallelism = options.Auditors, CancellationToken = timeout.Token };
            await Parallel.ForEachAsync(tasks.Select((task, i) => (task, i)), auditors, async (t, ct) =>
                await board.SubmitAsync(DeepDiveBenchRounds.Partnership, t.task.TaskId, t.task.AuditorId!, Submission(t.i), ct));
            await UntilAsync(database, "SELECT COUNT(*) FROM deep_dive WHERE status = 'closed'", deepDives, timeout.Token);
            var submitting = clock.Elapsed;

            return new Outcome(await ClosedAndGradedAsync(database, cancellationToken), opening, submitting, await LatenciesAsync(database, cancellationToken));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Gave up after {options.Timeout.TotalMinutes:0.#} min: {await DescribeAsync(database, deepDives)}");
        }
    }

    private static TaskSubmission Submission(int i) => new()
    {
        Grade = GradingScale.Names[i % GradingScale.Names.Count],
        Sections = [new SectionAnswer { Section = "Assessment", Evidence = "The assessment was timely and considered the child's voice." }],
        GoodPractice = ["Plans were reviewed on time"],
        AreasForDevelopment = ["Record the reasons for decisions"],
    };

    /// <summary>Looks at the store until the count reaches what is expected; a failed step ends the wait at once with its error.</summary>
    private static async Task UntilAsync(Database database, string countSql, int expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(countSql, cancellationToken: cancellationToken)) >= expected)
                {
                    return;
                }

                var error = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
                    "SELECT message FROM wf_error ORDER BY error_time", cancellationToken: cancellationToken));
                if (error is not null)
                {
                    throw new InvalidOperationException($"A deep-dive step failed in the bench: {error}");
                }
            }

            await Task.Delay(Look, cancellationToken);
        }
    }

    private static async Task<int> ClosedAndGradedAsync(Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM deep_dive WHERE status = 'closed' AND overall_grade IS NOT NULL", cancellationToken: cancellationToken));
    }

    private sealed class Moved
    {
        public DateTime SubmittedUtc { get; set; }
        public DateTime ExecutedUtc { get; set; }
    }

    /// <summary>Each submitted task's submission time against the journal's time for the human-task step that took it.</summary>
    private static async Task<IReadOnlyList<TimeSpan>> LatenciesAsync(Database database, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT t.submitted_utc AS SubmittedUtc, e.executed_utc AS ExecutedUtc
            FROM audit_task t
            JOIN wf_subscription s ON s.event_name = @EventName AND s.event_key = t.task_id
            JOIN wf_execution e ON e.instance_id = s.instance_id AND e.pointer_id = s.pointer_id
            WHERE t.status = 'submitted'
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Moved>(new CommandDefinition(sql, new { EventName = WorkflowEvents.TaskSubmitted }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ExecutedUtc - r.SubmittedUtc).ToList();
    }

    private static async Task<string> DescribeAsync(Database database, int deepDives)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var open = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_task WHERE status = 'open'");
        var submitted = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_task WHERE status = 'submitted'");
        var closed = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM deep_dive WHERE status = 'closed'");
        return $"of {deepDives} deep dives, {closed} were closed; {open} tasks were open and {submitted} submitted.";
    }
}
