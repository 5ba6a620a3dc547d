using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Engine.FiringFailures;

/// <summary>
/// Opens the round of a failed firing once its cause is fixed (<c>deepdive round retry</c>), under the firing's own key:
/// however often it is retried, and whatever the engine did meanwhile, the firing opens one round.
/// </summary>
public sealed class FiringRetry(FailedFirings failures, CycleStore cycles, RoundStarter starter, TimeProvider clock)
{
    public abstract record Outcome;

    /// <summary>The round is open now (by this retry, or already before it).</summary>
    public sealed record Opened(FailedFiring Firing, string RoundId, bool ByThisRetry) : Outcome;

    /// <summary>It failed again; the failed firing records the new attempt and reason.</summary>
    public sealed record FailedAgain(FailedFiring Firing, string Reason) : Outcome;

    /// <summary>Nothing was tried: no such failed firing, or the cycle cannot open rounds now.</summary>
    public sealed record Refused(string Reason) : Outcome;

    public async Task<Outcome> RetryAsync(string partnershipId, string cycleId, string firing, string by, CancellationToken cancellationToken)
    {
        var entry = await cycles.GetEntryAsync(partnershipId, cycleId, cancellationToken);
        var zone = entry?.Definition.Schedule.TimeZone ?? FiringName.DefaultZone;
        var failed = await failures.ListAsync(partnershipId, cycleId, openOnly: false, cancellationToken);
        var matching = failed.Where(f => FiringName.Matches(f, firing, zone)).ToList();
        if (matching.Count == 0)
        {
            var open = failed.Where(f => f.IsOpen).Select(f => FiringName.Of(f.ScheduledForUtc, zone)).ToList();
            return new Refused(open.Count == 0
                ? $"Cycle '{cycleId}' has no failed firing '{firing}', and none waiting to be retried."
                : $"Cycle '{cycleId}' has no failed firing '{firing}'. Failed firings waiting: {string.Join(", ", open)}.");
        }

        if (matching.Count > 1)
        {
            return new Refused($"'{firing}' names {matching.Count} failed firings of '{cycleId}': give the date and time, e.g. "
                + string.Join(" or ", matching.Select(f => FiringName.Of(f.ScheduledForUtc, zone))) + ".");
        }

        var row = matching[0];
        if (!row.IsOpen)
        {
            return new Opened(row, row.RoundId!, false);
        }

        if (row.Kind != RoundKinds.ReAudit && entry is not null && entry.Status != CycleStatus.Active)
        {
            return new Refused(entry.Status == CycleStatus.Paused
                ? $"Cycle '{cycleId}' is paused: resume it first ('deepdive cycle resume {cycleId}'); the failed firing stays recorded."
                : $"Cycle '{cycleId}' is {entry.Status}: it opens no more rounds. The failed firing stays recorded.");
        }

        string? roundId;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var note = $"opened by {by} on retry, {FiringName.Local(now, zone)} {zone}, after a failed firing: {row.Reason}";
            var started = row.Kind == RoundKinds.ReAudit
                ? await starter.StartReAuditAsync(partnershipId, row.SourceRoundId!, row.ScheduledForUtc, cancellationToken)
                : await starter.StartScheduledAsync(partnershipId, cycleId, new FiringTime(row.ScheduledForUtc, true, []), null, cancellationToken, note);
            // Null: the firing's round was opened meanwhile (the key is the round's), so the retry opens nothing more.
            roundId = started?.RoundId;
            if (roundId is null)
            {
                var existing = await starter.RoundOfFiringAsync(row.FiringKey, cancellationToken);
                if (existing is null)
                {
                    return new Refused($"The round of '{cycleId}' due {FiringName.Local(row.ScheduledForUtc, zone)} did not open: the cycle is not active.");
                }

                await failures.MarkOpenedAsync(partnershipId, row.FiringKey, existing, by, cancellationToken);
                return new Opened(row, existing, false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = FiringGuard.Reason(e);
            var again = await failures.RecordAsync(new FiringSubject(partnershipId, cycleId, row.FiringKey, row.Kind, row.SourceRoundId, row.ScheduledForUtc),
                1, TransientFaults.IsTransient(e), reason, cancellationToken);
            return new FailedAgain(again, reason);
        }

        await failures.MarkOpenedAsync(partnershipId, row.FiringKey, roundId, by, cancellationToken);
        await cycles.RecordAsync(partnershipId, cycleId, "firing-retried",
            $"the round due {FiringName.Local(row.ScheduledForUtc, zone)} was opened by {by} on retry as round {roundId}", cancellationToken);
        return new Opened(row, roundId, true);
    }
}
