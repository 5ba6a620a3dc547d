using DeepDive.Engine.FiringFailures;
using Spectre.Console;

namespace DeepDive.Cli.Commands;

/// <summary>Failed firings as a short list under a table: when each was due, why it failed, and how to retry it.</summary>
internal static class FailedFiringsView
{
    /// <param name="zoneOf">The time zone of a cycle's schedule.</param>
    public static void Write(IAnsiConsole console, IReadOnlyList<FailedFiring> firings, Func<string, string> zoneOf)
    {
        if (firings.Count == 0)
        {
            return;
        }

        var open = firings.Count(f => f.IsOpen);
        console.WriteLine();
        console.MarkupLine(open == 0
            ? "[bold]Failed firings[/] (all opened since):"
            : $"[bold red]Failed firings[/]: {open} round(s) not opened. Fix the cause, then 'deepdive round retry <cycle> <due>'.");
        foreach (var f in firings)
        {
            var zone = zoneOf(f.CycleId);
            var state = f.IsOpen ? "[red]FAILED[/]" : $"[green]opened[/] as {Markup.Escape(f.RoundId ?? "")} by {Markup.Escape(f.ResolvedBy ?? "")}";
            console.MarkupLine($"  {Markup.Escape(f.CycleId)} due {FiringName.Of(f.ScheduledForUtc, zone)}: {state}");
            console.MarkupLine($"    {f.Attempts} attempt(s), last {f.LastTriedUtc:yyyy-MM-dd HH:mm} UTC{(f.Transient == 1 ? ", transient" : "")}: {Markup.Escape(f.Reason)}");
        }
    }
}
