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

    private const string SubscriptionColumns = """
        id AS Id, instance_id AS InstanceId, step_id AS StepId, pointer_id AS PointerId, event_name AS EventName, event_key AS EventKey,
        subscribe_as_of AS SubscribeAsOf, data_json AS DataJson, external_token AS ExternalToken, external_worker_id AS ExternalWorkerId,
        external_token_expiry AS ExternalTokenExpiry
        """;

    public async Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertSubscriptionAsync(subscription, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return subscription.Id;
    }

    private async Task InsertSubscriptionAsync(EventSubscription subscription, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subscription.Id))
        {
            subscription.Id = Guid.NewGuid().ToString("N");
        }

        const string sql = """
            INSERT INTO wf_subscription (id, instance_id, step_id, pointer_id, event_name, event_key, subscribe_as_of, data_json,
                                         external_token, external_worker_id, external_token_expiry, terminated)
            VALUES (@Id, @InstanceId, @StepId, @PointerId, @EventName, @EventKey, @SubscribeAsOf, @DataJson,
                    @ExternalToken, @ExternalWorkerId, @ExternalTokenExpiry, 0)
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
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
        var sql = $"""
            SELECT {SubscriptionColumns} FROM wf_subscription
            WHERE terminated = 0 AND event_name = @EventName AND event_key = @EventKey AND subscribe_as_of <= @AsOf
            ORDER BY subscribe_as_of, id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(sql,
            new { EventName = eventName, EventKey = eventKey, AsOf = Ticks(asOf) }, cancellationToken: cancellationToken));
        return rows.Select(ToSubscription).ToList();
    }

    public async Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE wf_subscription SET terminated = 1 WHERE id = @Id",
            new { Id = eventSubscriptionId }, cancellationToken: cancellationToken));
    }

    public async Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default)
    {
        var sql = $"SELECT {SubscriptionColumns} FROM wf_subscription WHERE id = @Id AND terminated = 0";
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(sql, new { Id = eventSubscriptionId }, cancellationToken: cancellationToken));
        return row is null ? null! : ToSubscription(row);
    }

    public async Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var sql = database.Dialect.Top($"""
            SELECT {SubscriptionColumns} FROM wf_subscription
            WHERE terminated = 0 AND external_token IS NULL AND event_name = @EventName AND event_key = @EventKey AND subscribe_as_of <= @AsOf
            ORDER BY subscribe_as_of, id
            """, 1);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(sql,
            new { EventName = eventName, EventKey = eventKey, AsOf = Ticks(asOf) }, cancellationToken: cancellationToken));
        return row is null ? null! : ToSubscription(row);
    }

    public async Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE wf_subscription SET external_token = @Token, external_worker_id = @WorkerId, external_token_expiry = @Expiry
            WHERE id = @Id AND terminated = 0 AND external_token IS NULL
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql,
            new { Id = eventSubscriptionId, Token = token, WorkerId = workerId, Expiry = Ticks(expiry) }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE wf_subscription SET external_token = NULL, external_worker_id = NULL, external_token_expiry = NULL
            WHERE id = @Id AND external_token = @Token
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { Id = eventSubscriptionId, Token = token }, cancellationToken: cancellationToken));
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
