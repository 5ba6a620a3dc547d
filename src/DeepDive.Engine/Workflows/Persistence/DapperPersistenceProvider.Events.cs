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
        await database.WriteStatementAsync(ProviderSql.Events.Insert, EventRowOf(json, newEvent), cancellationToken);
        return newEvent.Id;
    }

    /// <summary>The row of <paramref name="newEvent"/> for <see cref="ProviderSql.Events.Insert"/>; gives it an id when it has none.</summary>
    internal static object EventRowOf(WorkflowJson json, Event newEvent)
    {
        if (string.IsNullOrEmpty(newEvent.Id))
        {
            newEvent.Id = Guid.NewGuid().ToString("N");
        }

        return new
        {
            newEvent.Id,
            newEvent.EventName,
            newEvent.EventKey,
            DataJson = json.Write(newEvent.EventData),
            EventTime = Ticks(newEvent.EventTime),
            IsProcessed = newEvent.IsProcessed ? 1 : 0,
        };
    }

    public async Task<Event> GetEvent(string id, CancellationToken cancellationToken = default)
    {
        var row = await database.ReadAsync((connection, ct) =>
                connection.QuerySingleOrDefaultAsync<EventRow>(new CommandDefinition(ProviderSql.Events.ById, new { Id = id }, cancellationToken: ct)), cancellationToken)
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
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(ProviderSql.Events.Runnable, new { AsAt = Ticks(asAt) }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        return await database.ReadAsync(async (connection, ct) => (await connection.QueryAsync<string>(new CommandDefinition(ProviderSql.Events.FromTime,
            new { EventName = eventName, EventKey = eventKey, AsOf = Ticks(asOf) }, cancellationToken: ct))).ToList(), cancellationToken);
    }

    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) => SetProcessed(id, 1, cancellationToken);

    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) => SetProcessed(id, 0, cancellationToken);

    private async Task SetProcessed(string id, int value, CancellationToken cancellationToken)
    {
        await database.WriteStatementAsync(ProviderSql.Events.SetProcessed, new { Id = id, Value = value }, cancellationToken);
    }
}
