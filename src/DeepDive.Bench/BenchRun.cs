using System.Diagnostics;
using DeepDive.Domain.Grading;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Execution;
using DeepDive.Engine.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Bench;

/// <summary>
/// One provider's measured run: a WorkflowCore host on a fresh store starts N bench workflows, waits until the
/// store holds all of them waiting for their task event, publishes the N events, and waits until the store
/// holds all of them complete. Waits are on signals from the store wrapper, never fixed sleeps.
/// </summary>
public static class BenchRun
{
    public sealed record Outcome(int Completed, TimeSpan Starts, TimeSpan Events, IReadOnlyCollection<TimeSpan> Latencies, IReadOnlyList<StoreCallSummary> Calls, CollectorFigures Collector);

    public static async Task<Outcome> RunAsync(BenchStore store, int count, BenchOptions options, CancellationToken cancellationToken)
    {
        var progress = new BenchProgress(count);
        var calls = new StoreCalls();
        await using var services = BuildServices(store, progress, calls, options);
        var host = services.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<BenchWorkflow, BenchData>();
        await host.StartAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            var runId = Guid.NewGuid().ToString("N")[..12];
            var keys = Enumerable.Range(0, count).Select(i => $"{runId}-{i}").ToArray();
            var ids = new string[count];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.InFlight, CancellationToken = timeout.Token };

            var collector = CollectorFigures.Now();
            var clock = Stopwatch.StartNew();
            TimeSpan starts, events;
            CollectorFigures collected;
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, _) =>
                    ids[i] = await host.StartWorkflow(BenchWorkflow.DefinitionId, 1, new BenchData { Key = keys[i] }));
                await progress.AllWaiting.WaitAsync(timeout.Token);
                starts = clock.Elapsed;

                clock.Restart();
                await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) =>
                {
                    var grade = GradingScale.Names[i % GradingScale.Names.Count];
                    await host.PublishEvent(BenchWorkflow.TaskEvent, keys[i], new BenchSubmission { Grade = grade, PublishedTimestamp = Stopwatch.GetTimestamp() });
                    await progress.CompletionOf(ids[i]).WaitAsync(ct);
                });
                await progress.AllComplete.WaitAsync(timeout.Token);
                events = clock.Elapsed;
                collected = collector.Since(count);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Gave up after {options.Timeout.TotalMinutes:0.#} min: of {count} bench workflows, "
                    + $"{progress.Waiting} were persisted waiting for their event and {progress.Completed} complete.");
            }

            var summary = calls.Summary();
            var completed = await CountCompleteAsync(services.GetRequiredService<IPersistenceProvider>(), ids, cancellationToken);
            return new Outcome(completed, starts, events, progress.ResumeLatencies, summary, collected);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static ServiceProvider BuildServices(BenchStore store, BenchProgress progress, StoreCalls calls, BenchOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.None));
        services.AddSingleton(progress);
        services.AddTransient<BenchOpenStep>();
        services.AddTransient<BenchGradeStep>();
        services.AddSingleton(new WorkflowJson([typeof(BenchData), typeof(BenchSubmission)]));
        services.AddSingleton<PointerSnapshots>();
        services.AddSingleton<StepWrites>();
        services.AddSingleton<DeliveredSubscriptions>();
        services.AddWorkflow(o =>
        {
            o.UsePersistence(sp => new ObservedPersistenceProvider(store.CreateProvider(sp), progress, calls));
            if (store.UsesEngineQueue)
            {
                o.UseQueueProvider(_ => new Engine.Workflows.Queues.DeduplicatingQueueProvider());
            }

            // As in RuntimeServices, for every store alike; then the bench's own settings.
            EngineSettings.Apply(o);
            o.UsePollInterval(options.PollInterval);
            o.UseIdleTime(options.IdleTime);
            o.UseMaxConcurrentWorkflows(options.MaxConcurrentWorkflows);
            o.UseErrorRetryInterval(TimeSpan.FromMinutes(5));
        });
        services.AddChainedSteps();
        services.AddSingleton<IDateTimeProvider>(new TimeProviderClock(TimeProvider.System));
        return services.BuildServiceProvider();
    }

    /// <summary>Reads the workflows back through the provider: how many the store holds as complete and graded.</summary>
    private static async Task<int> CountCompleteAsync(IPersistenceProvider provider, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var complete = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            var wanted = chunk.ToHashSet(StringComparer.Ordinal);
            foreach (var workflow in (await provider.GetWorkflowInstances(wanted, cancellationToken)).ToList())
            {
                if (workflow.Status == WorkflowStatus.Complete && workflow.Data is BenchData { OverallGrade: not null })
                {
                    complete++;
                }
            }
        }

        return complete;
    }
}
