using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeepDive.Engine.Status;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class StatusSettings : DatabaseSettings
{
    [CommandOption("--json")]
    [Description("Print the status as JSON, for scripts and monitoring.")]
    public bool Json { get; init; }
}

/// <summary>
/// The engine's state read from its database, from any process: schema, scheduler, workflows, outbox, failed firings
/// and failed jobs. Exits 0 when healthy, 2 when something waits for a person, 1 when the database cannot be read.
/// </summary>
public sealed class StatusCommand(Database database, EngineStatusQuery query, TimeProvider clock) : AsyncCommand<StatusSettings>
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public override async Task<int> ExecuteAsync(CommandContext context, StatusSettings settings, CancellationToken cancellationToken)
    {
        var status = await query.ReadAsync([], cancellationToken);
        status = status with { Warnings = [.. status.Warnings, .. await StatusWarnings.ReadAsync(database, status, clock, cancellationToken)] };
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { healthy = status.Healthy, status }, JsonOptions));
        }
        else
        {
            StatusText.Write(AnsiConsole.Console, status);
        }

        return !status.Database.Reachable ? 1 : status.Healthy ? 0 : 2;
    }
}

/// <summary>The status as lines that read well at 80 columns.</summary>
internal static class StatusText
{
    private static string T(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static void Write(IAnsiConsole console, EngineStatus s)
    {
        void Line(string text) => console.MarkupLine(text);
        string E(string text) => Markup.Escape(text);

        Line(s.Healthy ? "[green]DeepDive: healthy[/]" : "[yellow]DeepDive: needs attention[/]");
        var db = s.Database;
        Line($"[bold]Database[/]   {db.Kind}, {(db.Reachable ? "reachable" : "[red]not reachable[/]")}");
        Line($"  {E(db.Target)}");
        if (db.Reachable)
        {
            Line(db.ScriptsPending == 0
                ? $"  schema {E(db.SchemaVersion ?? "none")}, up to date"
                : $"  schema {E(db.SchemaVersion ?? "none")}, [yellow]{db.ScriptsPending} migration(s) pending[/]: run 'deepdive init'");
        }

        if (s.Scheduler is { } q)
        {
            Line("[bold]Scheduler[/]");
            Line(q.Nodes.Count == 0
                ? "  nodes: none checked in (a single node checks in only when clustered)"
                : $"  nodes: {string.Join(", ", q.Nodes.Select(n => $"{E(n.InstanceId)} (last check-in {T(n.LastCheckInUtc)})"))}");
            if (q.TriggersInError > 0)
            {
                Line($"  [red]{q.TriggersInError} trigger(s) in error[/]");
            }

            if (q.TriggersPaused > 0)
            {
                Line($"  {q.TriggersPaused} trigger(s) paused");
            }

            Line(q.NextFirings.Count == 0 ? "  next firings: none" : "  next firings:");
            foreach (var f in q.NextFirings)
            {
                Line($"    {T(f.NextFireUtc)}  {E(f.Job)}");
            }
        }

        if (s.Workflows is { } w)
        {
            Line("[bold]Workflows[/]");
            Line($"  due now {w.Due}, sleeping {w.Sleeping}, waiting for a task or event {w.WaitingForEvent}");
            Line($"  suspended {w.Suspended}, with errors {(w.WithErrors == 0 ? "0" : $"[red]{w.WithErrors}[/]")}"
                + (w.OldestWaitingSinceUtc is { } oldest ? $"; oldest waiting since {T(oldest)}" : ""));
        }

        if (s.Outbox is { } o)
        {
            Line("[bold]Outbox[/]");
            Line($"  queued {o.Queued}, failed {(o.Failed == 0 ? "0" : $"[red]{o.Failed}[/]")}, delivered {o.Delivered}"
                + (o.OldestUndeliveredUtc is { } u ? $"; oldest undelivered {T(u)}" : ""));
        }

        if (s.FailedFirings is { } firings)
        {
            Line(firings.Count == 0 ? "[bold]Failed firings[/]  none" : $"[bold]Failed firings[/]  [red]{firings.Count} round(s) not opened[/]");
            foreach (var f in firings)
            {
                Line($"  {E(f.CycleId)} ({E(f.PartnershipId)}) due {T(f.ScheduledForUtc)}, {f.Attempts} attempt(s):");
                Line($"    {E(f.Reason)}");
                Line($"    Once fixed: deepdive round retry {E(f.CycleId)} {f.RetryName} --partnership {E(f.PartnershipId)}");
            }
        }

        if (s.FailedJobs is { } jobs)
        {
            Line(jobs.Count == 0 ? "[bold]Failed jobs[/]  none" : "[bold]Failed jobs[/]");
            foreach (var j in jobs)
            {
                Line($"  {E(j.Job)}: {j.Failures} failure(s), last {T(j.LastFailedUtc)}{(j.FailingNow ? " [red](failing)[/]" : " (ran without error since)")}");
                Line($"    {E(j.LastError)}");
            }
        }

        foreach (var warning in s.Warnings)
        {
            Line($"[yellow]Warning:[/] {E(warning)}");
        }

        foreach (var problem in s.Problems)
        {
            Line($"[red]Problem:[/] {E(problem)}");
        }
    }
}
