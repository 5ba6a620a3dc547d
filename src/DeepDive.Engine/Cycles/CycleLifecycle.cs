using System.Globalization;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Scheduling;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Cycles;

/// <summary>
/// Adds, edits, pauses, resumes and retires cycles: the stored status and history, and the Quartz trigger, kept in step.
/// The status is written first, so a firing Quartz had already taken when a cycle is paused or retired finds the
/// cycle inactive and opens no round. Each command can be run again after a crash and ends in the same state.
/// </summary>
public sealed class CycleLifecycle(Database database, CycleScheduler scheduler, CycleTriggers triggers, TimeProvider clock)
{
    private readonly CycleStore store = new(database, clock);

    /// <summary>What a resume did: the firings that fell while the cycle was paused (skipped, not made up) and the next one.</summary>
    public sealed record Resumed(IReadOnlyList<DateTimeOffset> Skipped, DateTimeOffset? Next);

    /// <summary>Adds a cycle, or updates one (see <see cref="CycleStore.AddOrUpdateAsync"/>), and (re)schedules its trigger; a paused cycle stays paused.</summary>
    public async Task<bool> AddOrUpdateAsync(string partnershipId, CycleDefinition cycle, CancellationToken cancellationToken)
    {
        var added = await store.AddOrUpdateAsync(partnershipId, cycle, cancellationToken);
        await RescheduleAsync(partnershipId, cycle, cancellationToken);
        return added;
    }

    /// <summary>
    /// Replaces a cycle's definition: rounds opened from now on use it; rounds already open keep the copy they started
    /// with. A schedule change takes effect from now. The file's id must be the cycle's.
    /// </summary>
    public async Task EditAsync(string partnershipId, string cycleId, CycleDefinition cycle, CancellationToken cancellationToken)
    {
        if (cycle.Id != cycleId)
        {
            throw new CycleRefusedException($"The file is for cycle '{cycle.Id}', not '{cycleId}': a cycle's id cannot change (retire it and add a new one).");
        }

        await store.EditAsync(partnershipId, cycle, cancellationToken);
        await RescheduleAsync(partnershipId, cycle, cancellationToken);
    }

    /// <summary>Pauses a cycle: no rounds until it is resumed. Returns false when it was already paused.</summary>
    public async Task<bool> PauseAsync(string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        var before = await store.ChangeStatusAsync(partnershipId, cycleId, CycleAction.Pause, null, cancellationToken);
        await triggers.PauseAsync(partnershipId, cycleId, cancellationToken);
        return before.Status != CycleStatus.Paused;
    }

    /// <summary>
    /// Resumes a paused cycle with a fresh trigger from now: the firings that fell while it was paused are skipped
    /// (listed in its history), not run in a burst.
    /// </summary>
    public async Task<Resumed> ResumeAsync(string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        var entry = await store.GetEntryAsync(partnershipId, cycleId, cancellationToken)
            ?? throw new CycleRefusedException($"There is no cycle '{cycleId}' in partnership '{partnershipId}'.");
        if (CycleStatus.Refusal(cycleId, entry.Status, CycleAction.Resume) is { } refusal)
        {
            throw new CycleRefusedException(refusal);
        }

        var now = clock.GetUtcNow();
        var nextAfter = CycleCron.NextAfter(entry.Definition);
        var skipped = Firings.Between(nextAfter, new DateTimeOffset(entry.PausedUtc ?? now.UtcDateTime, TimeSpan.Zero), now.AddTicks(1), 1000);
        await scheduler.ScheduleAsync(partnershipId, entry.Definition, cancellationToken);
        var detail = skipped.Count == 0
            ? "no firing fell while it was paused"
            : $"skipped {skipped.Count} firing(s) that fell while it was paused: {string.Join(", ", skipped.Select(Utc))}";
        await store.ChangeStatusAsync(partnershipId, cycleId, CycleAction.Resume, detail, cancellationToken);
        return new Resumed(skipped, nextAfter(now));
    }

    /// <summary>Retires a cycle for good: its trigger is removed; its rounds, re-audits and history stay. Returns false when it was already retired.</summary>
    public async Task<bool> RetireAsync(string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        var before = await store.ChangeStatusAsync(partnershipId, cycleId, CycleAction.Retire, null, cancellationToken);
        await triggers.RemoveAsync(partnershipId, cycleId, cancellationToken);
        return before.Status != CycleStatus.Retired;
    }

    private async Task RescheduleAsync(string partnershipId, CycleDefinition cycle, CancellationToken cancellationToken)
    {
        await scheduler.ScheduleAsync(partnershipId, cycle, cancellationToken);
        var entry = await store.GetEntryAsync(partnershipId, cycle.Id, cancellationToken);
        if (entry?.Status == CycleStatus.Paused)
        {
            await triggers.PauseAsync(partnershipId, cycle.Id, cancellationToken);
        }
    }

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
