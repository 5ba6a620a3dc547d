using System.Data.Common;
using Dapper;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Persistence;

public sealed partial class DapperPersistenceProvider
{
    private sealed class SubscriptionRow
    {
        public string Id { get; set; } = "";
        public string InstanceId { get; set; } = "";
        public int StepId { get; set; }
        public string? PointerId { get; set; }
        public string EventName { get; set; } = "";
        public string EventKey { get; set; } = "";
        public long SubscribeAsOf { get; set; }
        public string? DataJson { get; set; }
        public string? ExternalToken { get; set; }
        public string? ExternalWorkerId { get; set; }
        public long? ExternalTokenExpiry { get; set; }
    }

    public async Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync((connection, transaction, ct) => InsertSubscriptionAsync(subscription, connection, transaction, ct), cancellationToken);
        return subscription.Id;
    }

    private async Task InsertSubscriptionAsync(EventSubscription subscription, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subscription.Id))
        {
            subscription.Id = Guid.NewGuid().ToString("N");
        }

        await connection.ExecuteAsync(new CommandDefinition(ProviderSql.Subscriptions.Insert, new
        {
            subscription.Id,
            InstanceId = subscription.WorkflowId,
            subscription.StepId,
            PointerId = subscription.ExecutionPointerId,
            subscription.EventName,
            subscription.EventKey,
            SubscribeAsOf = Ticks(subscription.SubscribeAsOf),
            DataJson = json.Write(subscription.SubscriptionData),
            subscription.ExternalToken,
            subscription.ExternalWorkerId,
            ExternalTokenExpiry = subscription.ExternalTokenExpiry is { } e ? Ticks(e) : (long?)null,
        }, transaction, cancellationToken: cancellationToken));
    }

    public async Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var rows = await database.ReadAsync(async (connection, ct) => (await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(ProviderSql.Subscriptions.Open,
            new { EventName = eventName, EventKey = eventKey, AsOf = Ticks(asOf) }, cancellationToken: ct))).AsList(), cancellationToken);
        // The event consumer reads the subscriptions it is about to deliver to here.
        foreach (var row in rows)
        {
            delivered.Seen(row.InstanceId, row.PointerId, row.Id);
        }

        return rows.Select(ToSubscription).ToList();
    }

    public async Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default)
    {
        if (delivered.TryForget(eventSubscriptionId))
        {
            return; // Ended in the commit that delivered its event.
        }

        await database.WriteStatementAsync(ProviderSql.Subscriptions.Terminate, new { Id = eventSubscriptionId }, cancellationToken);
    }

    public async Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default)
    {
        var row = await database.ReadAsync((connection, ct) =>
            connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(ProviderSql.Subscriptions.ById, new { Id = eventSubscriptionId }, cancellationToken: ct)), cancellationToken);
        if (row is null)
        {
            return null!;
        }

        delivered.Seen(row.InstanceId, row.PointerId, row.Id); // An activity's result is delivered through this read.
        return ToSubscription(row);
    }

    public async Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var row = await database.ReadAsync((connection, ct) => connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(
            ProviderSql.Subscriptions.FirstOpen(database.Dialect), new { EventName = eventName, EventKey = eventKey, AsOf = Ticks(asOf) }, cancellationToken: ct)), cancellationToken);
        return row is null ? null! : ToSubscription(row);
    }

    public async Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default)
    {
        return await database.WriteStatementAsync(ProviderSql.Subscriptions.TakeToken,
            new { Id = eventSubscriptionId, Token = token, WorkerId = workerId, Expiry = Ticks(expiry) }, cancellationToken) == 1;
    }

    public async Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default)
    {
        await database.WriteStatementAsync(ProviderSql.Subscriptions.ClearToken, new { Id = eventSubscriptionId, Token = token }, cancellationToken);
    }

    private EventSubscription ToSubscription(SubscriptionRow row) => new()
    {
        Id = row.Id,
        WorkflowId = row.InstanceId,
        StepId = row.StepId,
        ExecutionPointerId = row.PointerId,
        EventName = row.EventName,
        EventKey = row.EventKey,
        SubscribeAsOf = FromTicks(row.SubscribeAsOf),
        SubscriptionData = json.Read(row.DataJson),
        ExternalToken = row.ExternalToken,
        ExternalWorkerId = row.ExternalWorkerId,
        ExternalTokenExpiry = row.ExternalTokenExpiry is { } e ? FromTicks(e) : null,
    };
}
