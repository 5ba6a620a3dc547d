using System.Diagnostics;
using DeepDive.Domain.Users;
using DeepDive.Engine.Users;
using DeepDive.Engine.Workflows;
using DeepDive.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Bench.Web;

/// <summary>
/// The web app under load as auditors use it: a partnership of <see cref="WebBenchOptions.Tasks"/> tasks over
/// <see cref="WebBenchOptions.Auditors"/> auditors, each with an account, written into a fresh database; the app with its
/// engine started here as <c>deepdive serve</c> starts it (Kestrel on a free port); and the clients in a separate process,
/// so that the figures are the server's and not a client sharing its thread pool. Each client's one submission goes to a
/// live deep-dive workflow, which the engine here moves on.
/// </summary>
public static class WebBenchmark
{
    private static readonly TimeSpan TaskOpening = TimeSpan.FromMinutes(2);

    public static async Task<WebBenchReport> RunAsync(WebBenchOptions options, WebBenchClientLauncher launcher, IProgress<string>? log,
        CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var loadBefore = MachineLoad.OneMinute();
        await using var store = options.PostgresConnectionString is { } postgres
            ? await BenchStore.NewPostgresAsync(postgres, cancellationToken)
            : await BenchStore.NewSqliteAsync();
        var database = store.Database!;
        var partnership = new WebBenchPartnership(options.Tasks, options.Auditors, clock.GetUtcNow().UtcDateTime);
        var seeds = new WebBenchSeedStore(database, clock);

        var step = Stopwatch.StartNew();
        log?.Report($"Writing {options.Tasks:N0} tasks over {options.Auditors:N0} auditors into a fresh {database.Dialect.Kind} database");
        await seeds.SeedAsync(partnership, null, cancellationToken);
        var seedSeconds = step.Elapsed.TotalSeconds;

        step.Restart();
        var password = UserStore.RandomPassword();
        await new UserStore(database, clock).AddManyAsync(
            [.. partnership.AllAuditors().Select(a => new NewUser(WebBenchPartnership.Id, a.Email, a.Name, Role.Auditor, a.AuditorId, null, password))],
            cancellationToken);
        var usersSeconds = step.Elapsed.TotalSeconds;

        var scratch = Directory.CreateTempSubdirectory("deepdive-bench-web-").FullName;
        var app = WebApp.Build(new WebAppOptions
        {
            Urls = "http://127.0.0.1:0",
            RunEngine = true,
            Settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:DeepDive"] = database.ConnectionString,
                ["DeepDive:Notifications:Folder"] = Path.Combine(scratch, "outbox"),
                ["Logging:LogLevel:Default"] = "Warning",
            },
        });
        try
        {
            await app.StartAsync(cancellationToken);
            var clients = partnership.Clients(options.Clients);
            var openTasks = OpenTasksOf(partnership, clients);
            var sampleTask = openTasks[clients[0].AuditorId][0];
            var notServed = WebBenchRoute.All.Where(r => (r == WebBenchRoute.Submit ? options.Submit : options.Mix.GetValueOrDefault(r.Name) > 0)
                && !WebBenchServedRoutes.Serves(app, r, sampleTask)).ToList();
            var mix = options.Mix.Where(m => m.Value > 0 && !notServed.Any(r => r.Name == m.Key)).ToDictionary();
            if (mix.Count == 0)
            {
                log?.Report("No route of the mix is served by this build: measuring the front door (home) instead");
                mix[WebBenchRoute.Home.Name] = 1;
            }

            var submit = options.Submit && !notServed.Contains(WebBenchRoute.Submit);
            var live = submit ? clients.Select(partnership.LiveDeepDive).ToList() : [];
            if (live.Count > 0)
            {
                log?.Report($"Starting {live.Count} live deep dives, one task for each client to submit");
                await seeds.SeedLiveRoundAsync(live, cancellationToken);
                await DeepDiveBenchRounds.StartAsync(database, clock, live, app.Services.GetRequiredService<WorkflowStarter>(), cancellationToken);
                await UntilOpenAsync(seeds, [.. live.Select(d => d.Tasks[0].TaskId)], cancellationToken);
            }

            var tokens = new ApiTokenStore(database, new UserStore(database, clock), clock);
            var planned = new List<WebBenchPlan.Client>(clients.Count);
            foreach (var (client, i) in clients.Select((c, i) => (c, i)))
            {
                planned.Add(new WebBenchPlan.Client(client.Email, openTasks[client.AuditorId], submit ? live[i].Tasks[0].TaskId : null,
                    submit ? await tokens.CreateAsync(WebBenchPartnership.Id, client.Email, "web bench", cancellationToken) : null));
            }

            var plan = new WebBenchPlan(app.Urls.First(), Environment.ProcessId, password, options.Duration.TotalSeconds, options.WarmUp.TotalSeconds, mix, submit,
                options.Seed, planned);
            log?.Report($"{options.Clients} clients signing in and calling {string.Join(", ", mix.Keys)}{(submit ? ", submit" : "")} for {options.Duration.TotalSeconds:0} s");
            var result = await RunClientsAsync(launcher, plan, scratch, cancellationToken);
            return new WebBenchReport(options, database.Dialect.Kind.ToString(), Environment.ProcessorCount, loadBefore, MachineLoad.OneMinute(),
                Math.Round(seedSeconds, 2), Math.Round(usersSeconds, 2), mix, notServed, result);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Each client's open tasks (at most 20, the ones it views), by auditor.</summary>
    private static Dictionary<string, IReadOnlyList<string>> OpenTasksOf(WebBenchPartnership partnership, IReadOnlyList<WebBenchPartnership.AuditorRow> clients)
    {
        var tasks = clients.ToDictionary(c => c.AuditorId, _ => new List<string>());
        foreach (var task in partnership.AllDeepDives().Where(d => d.Round.InProgress).SelectMany(d => d.Tasks))
        {
            if (tasks.TryGetValue(task.AuditorId, out var list) && list.Count < 20)
            {
                list.Add(task.TaskId);
            }
        }

        return tasks.Values.All(list => list.Count > 0)
            ? tasks.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value)
            : throw new InvalidOperationException("Some clients have no open task to view; the bench partnership should give every auditor one.");
    }

    /// <summary>Waits for the live deep dives' workflows to open their tasks; a failed step ends the wait with its error.</summary>
    private static async Task UntilOpenAsync(WebBenchSeedStore seeds, IReadOnlyList<string> taskIds, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (await seeds.OpenCountAsync(taskIds, cancellationToken) < taskIds.Count)
        {
            if (await seeds.FirstWorkflowErrorAsync(cancellationToken) is { } error)
            {
                throw new InvalidOperationException($"A live deep dive failed to open its task: {error}");
            }

            if (waited.Elapsed > TaskOpening)
            {
                throw new TimeoutException($"The live deep dives had not opened their {taskIds.Count} tasks after {TaskOpening.TotalMinutes:0} minutes.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<WebBenchResult> RunClientsAsync(WebBenchClientLauncher launcher, WebBenchPlan plan, string scratch, CancellationToken cancellationToken)
    {
        var planFile = Path.Combine(scratch, "plan.json");
        var resultFile = Path.Combine(scratch, "result.json");
        await plan.SaveAsync(planFile, cancellationToken);
        var start = new ProcessStartInfo(launcher.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in launcher.Arguments.Concat(["--plan", planFile, "--out", resultFile]))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{launcher.FileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(plan.Seconds) + TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0 || !File.Exists(resultFile))
        {
            throw new InvalidOperationException($"The bench's client process failed (exit {process.ExitCode}): {await stderr}{await stdout}".Trim());
        }

        return await WebBenchFiles.ReadAsync<WebBenchResult>(resultFile, cancellationToken);
    }
}
