using System.Data.Common;
using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Partnerships;

/// <summary>The partnerships (tenants) this installation serves; every domain row belongs to one.</summary>
public sealed class PartnershipStore(Database database, TimeProvider clock)
{
    private readonly string insertIfAbsentSql = database.Dialect.InsertIfAbsent("partnership", ["id"], ["name", "created_utc"]);

    /// <summary>Inserts the partnership if absent (keeps the existing name otherwise).</summary>
    public async Task EnsureAsync(string partnershipId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await EnsureCoreAsync(partnershipId, name, connection, null, cancellationToken);
    }

    /// <summary>As <see cref="EnsureAsync(string, string, CancellationToken)"/>, inside the caller's transaction.</summary>
    public Task EnsureAsync(string partnershipId, string name, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        return EnsureCoreAsync(partnershipId, name, connection, transaction, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string partnershipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        const string sql = """
            SELECT COUNT(*) FROM partnership WHERE id = @Id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(sql, new { Id = partnershipId }, cancellationToken: cancellationToken));
        return count > 0;
    }

    private Task EnsureCoreAsync(string partnershipId, string name, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var row = new { Id = partnershipId, Name = name, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        return connection.ExecuteAsync(new CommandDefinition(insertIfAbsentSql, row, transaction, cancellationToken: cancellationToken));
    }
}
