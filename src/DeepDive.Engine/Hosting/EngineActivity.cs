using Dapper;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Hosting;

/// <summary>
/// What the engine has to do and when: whether anything is due at the (possibly virtual) current time, and the next
/// instant anything falls due. The demo, the simulation and short commands use it to run the engine until idle.
/// </summary>
public sealed class EngineActivity(Database database, TimeProvider clock, RuntimeOptions options, JobTracker jobs, EngineHost host)
{
    /// <summary>
    /// Waits until nothing is due at the current (possibly virtual) time: no runnable workflow, no unprocessed
    /// event or scheduled command, no trigger due and no job running. Checked twice in a row, as work moves
    /// between the store and in-memory queues.
    /// </summary>
    public async Task WaitUntilIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Real time, not the engine's clock: this bounds how long the caller waits.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var quietChecks = 0;
        while (quietChecks < 2)
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The engine still had due work after {timeout.TotalSeconds:0} s: {await DescribeDueAsync(cancellationToken)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(15), cancellationToken);
            quietChecks = await IsIdleAsync(cancellationToken) ? quietChecks + 1 : 0;
        }
    }

    private async Task<bool> IsIdleAsync(CancellationToken cancellationToken) =>
        jobs.Running == 0
        && (await DueCountsAsync(cancellationToken)).Total == 0
        && !await TriggerDueAsync(cancellationToken);

    private sealed record Due(long Workflows, long Events, long Commands)
    {
        public long Total => Workflows + Events + Commands;
    }

    private async Task<Due> DueCountsAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT
              (SELECT COUNT(*) FROM wf_instance WHERE status = 0 AND next_execution IS NOT NULL AND next_execution <= @Now) AS Workflows,
              (SELECT COUNT(*) FROM wf_event WHERE is_processed = 0 AND event_time <= @Now) AS Events,
              (SELECT COUNT(*) FROM wf_scheduled_command WHERE execute_time <= @Now) AS Commands
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<Due>(new CommandDefinition(sql, new { Now = clock.GetUtcNow().UtcTicks }, cancellationToken: cancellationToken));
    }

    private async Task<bool> TriggerDueAsync(CancellationToken cancellationToken)
    {
        var next = await NextTriggerAsync(cancellationToken);
        if (next is { } n && n <= clock.GetUtcNow())
        {
            return true;
        }

        // A trigger Quartz has fired but whose job the listener has not seen start yet is still due work.
        if (host.Scheduler is null)
        {
            return false;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM qrtz_fired_triggers WHERE sched_name = @Name", new { Name = options.InstanceName }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The earliest next firing of any waiting trigger, read from Quartz's own table (ticks, UTC).</summary>
    public async Task<DateTimeOffset?> NextTriggerAsync(CancellationToken cancellationToken)
    {
        if (host.Scheduler is null)
        {
            return null;
        }

        const string sql = "SELECT MIN(next_fire_time) FROM qrtz_triggers WHERE sched_name = @Name AND trigger_state IN ('WAITING', 'ACQUIRED')";
        await using var connection = await database.OpenAsync(cancellationToken);
        var ticks = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new { Name = options.InstanceName }, cancellationToken: cancellationToken));
        return ticks is { } t && t > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;
    }

    /// <summary>The earliest instant at which the engine itself has work: a trigger, a sleeping workflow, a future event.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT MIN(t) FROM (
              SELECT MIN(next_execution) AS t FROM wf_instance WHERE status = 0 AND next_execution IS NOT NULL
              UNION ALL SELECT MIN(event_time) FROM wf_event WHERE is_processed = 0
              UNION ALL SELECT MIN(execute_time) FROM wf_scheduled_command
            ) due
            """;
        long? ticks;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            ticks = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        }

        DateTimeOffset? fromStore = ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
        var trigger = await NextTriggerAsync(cancellationToken);
        return (fromStore, trigger) switch
        {
            (null, var x) => x,
            (var x, null) => x,
            var (a, b) => a < b ? a : b,
        };
    }

    private async Task<string> DescribeDueAsync(CancellationToken cancellationToken)
    {
        var due = await DueCountsAsync(cancellationToken);
        return $"{due.Workflows} workflows, {due.Events} events, {due.Commands} commands due; {jobs.Running} jobs running";
    }
}
