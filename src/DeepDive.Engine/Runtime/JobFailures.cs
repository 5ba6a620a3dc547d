using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Runtime;

/// <summary>
/// Background jobs that failed, one row per job (<c>job_failure</c>): how often, when, the last error and node, and
/// when it last ran without error. Written by <see cref="JobTracker"/> and by jobs that catch their own errors, read by
/// <c>deepdive status</c> in any process.
/// </summary>
public sealed class JobFailures(Database database, TimeProvider clock)
{
    public sealed class Row
    {
        public string JobKey { get; set; } = "";
        public int Failures { get; set; }
        public DateTime FirstFailedUtc { get; set; }
        public DateTime LastFailedUtc { get; set; }
        public string LastError { get; set; } = "";
        public string? LastNode { get; set; }
        public DateTime? LastSucceededUtc { get; set; }

        /// <summary>Failing now: its last run failed.</summary>
        public bool Failing => LastSucceededUtc is not { } ok || ok < LastFailedUtc;
    }

    public async Task RecordFailureAsync(string jobKey, string error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var node = Workflows.Persistence.ExecutionJournal.Node;
        error = error.Length > 2000 ? error[..2000] : error;
        await database.WriteAsync(async (connection, transaction, token) =>
        {
            var updated = await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE job_failure SET failures = failures + 1, last_failed_utc = @Now, last_error = @Error, last_node = @Node
                WHERE job_key = @JobKey
                """, new { JobKey = jobKey, Now = now, Error = error, Node = node }, transaction, cancellationToken: token));
            if (updated == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(database.Dialect.InsertIfAbsent("job_failure", ["job_key"],
                    ["failures", "first_failed_utc", "last_failed_utc", "last_error", "last_node"]),
                    new { JobKey = jobKey, Failures = 1, FirstFailedUtc = now, LastFailedUtc = now, LastError = error, LastNode = node },
                    transaction, cancellationToken: token));
            }
        }, cancellationToken);
    }

    /// <summary>Notes a run without error of a job that has failed before; one statement that changes nothing otherwise.</summary>
    public Task RecordSuccessAsync(string jobKey, CancellationToken cancellationToken) =>
        database.WriteStatementAsync("UPDATE job_failure SET last_succeeded_utc = @Now WHERE job_key = @JobKey",
            new { JobKey = jobKey, Now = clock.GetUtcNow().UtcDateTime }, cancellationToken);

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT job_key AS JobKey, failures AS Failures, first_failed_utc AS FirstFailedUtc, last_failed_utc AS LastFailedUtc,
                   last_error AS LastError, last_node AS LastNode, last_succeeded_utc AS LastSucceededUtc
            FROM job_failure ORDER BY last_failed_utc DESC, job_key
            """, cancellationToken: cancellationToken))).ToList();
    }
}
