using System.Data.Common;
using Dapper;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Persistence;

public sealed partial class DapperPersistenceProvider
{
    private sealed class EventRow
    {
        public string Id { get; set; } = "";
        public string EventName { get; set; } = "";
        public string EventKey { get; set; } = "";
        public string? DataJson { get; set; }
        public long EventTime { get; set; }
        public int IsProcessed { get; set; }
    }

    public async Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await InsertEventAsync(newEvent, connection, null, cancellationToken);
        return newEvent.Id;
    }

    /// <summary>Stores an event inside a caller's transaction, so it is published together with the rows that caused it.</summary>
    public async Task InsertEventAsync(Event newEvent, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(newEvent.Id))
        {
            newEvent.Id = Guid.NewGuid().ToString("N");
        }

        const string sql = """
            INSERT INTO wf_event (id, event_name, event_key, data_json, event_time, is_processed)
            VALUES (@Id, @EventName, @EventKey, @DataJson, @EventTime, @IsProcessed)
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            newEvent.Id,
            newEvent.EventName,
            newEvent.EventKey,
            DataJson = json.Write(newEvent.EventData),
            EventTime = Ticks(newEvent.EventTime),
            IsProcessed = newEvent.IsProcessed ? 1 : 0,
        }, transaction, cancellationToken: cancellationToken));
    }

    public async Task<Event> GetEvent(string id, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id AS Id, event_name AS EventName, event_key AS EventKey, data_json AS DataJson, event_time AS EventTime, is_processed AS IsProcessed
            FROM wf_event WHERE id = @Id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EventRow>(new CommandDefinition(sql, new { Id = id }, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"Event {id} does not exist.");
        return new Event
        {
            Id = row.Id,
            EventName = row.EventName,
            EventKey = row.EventKey,
            EventData = json.Read(row.DataJson),
            EventTime = FromTicks(row.EventTime),
            IsProcessed = row.IsProcessed != 0,
        };
    }

    public async Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default)
    {
        // Only events a workflow waits for: one nobody waits for yet is delivered when its subscription is made
        // (WorkflowCore looks up earlier events then), so polling it again and again would only load the store.
        const string sql = """
            SELECT e.id FROM wf_event e
            WHERE e.is_processed = 0 AND e.event_time <= @AsAt
              AND EXISTS (SELECT 1 FROM wf_subscription s
                          WHERE s.terminated = 0 AND s.event_name = e.event_name AND s.event_key = e.event_key AND s.subscribe_as_of <= e.event_time)
            ORDER BY e.event_time, e.id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(sql, new { AsAt = Ticks(asAt) }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT id FROM wf_event WHERE event_name = @EventName AND event_key = @EventKey AND event_time >= @AsOf ORDER BY event_time, id";
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(sql,
            new { EventName = eventName, EventKey = eventKey, AsOf = Ticks(asOf) }, cancellationToken: cancellationToken))).ToList();
    }

    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) => SetProcessed(id, 1, cancellationToken);

    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) => SetProcessed(id, 0, cancellationToken);

    private async Task SetProcessed(string id, int value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE wf_event SET is_processed = @Value WHERE id = @Id",
            new { Id = id, Value = value }, cancellationToken: cancellationToken));
    }
}
