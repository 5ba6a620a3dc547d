using System.Data.Common;
using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Users;

/// <summary>
/// Who saw which case-level data and who changed what, for managers to read and export. A change's entry is written
/// in the change's own transaction (<see cref="WriteAsync(DbConnection, DbTransaction, AccessEntry, CancellationToken)"/>),
/// so the log never shows a change that did not happen nor misses one that did.
/// </summary>
public sealed class AccessLogStore(Database database, TimeProvider clock)
{
    public const string View = "view";
    public const string Change = "change";

    public sealed class Row
    {
        public string EntryId { get; set; } = "";
        public string PartnershipId { get; set; } = "";
        public DateTime AtUtc { get; set; }
        public string UserId { get; set; } = "";
        public string UserEmail { get; set; } = "";
        public string Action { get; set; } = "";
        public string ObjectType { get; set; } = "";
        public string ObjectId { get; set; } = "";
        public string? Detail { get; set; }
        public string? Address { get; set; }
    }

    private const string Insert = """
        INSERT INTO access_log (entry_id, partnership_id, at_utc, user_id, user_email, action, object_type, object_id, detail, address)
        VALUES (@EntryId, @PartnershipId, @AtUtc, @UserId, @UserEmail, @Action, @ObjectType, @ObjectId, @Detail, @Address)
        """;

    /// <summary>Writes an entry on its own (a view).</summary>
    public Task WriteAsync(AccessEntry entry, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(Insert, Parameters(entry), cancellationToken);

    /// <summary>Writes an entry inside the caller's transaction (a change).</summary>
    public Task WriteAsync(DbConnection connection, DbTransaction transaction, AccessEntry entry, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Insert, Parameters(entry), transaction, cancellationToken: cancellationToken));

    /// <summary>Entries of a partnership from <paramref name="fromUtc"/> (inclusive) to <paramref name="toUtc"/> (exclusive), optionally of one user, newest first.</summary>
    public async Task<IReadOnlyList<Row>> ListAsync(string partnershipId, DateTime fromUtc, DateTime toUtc, string? userEmail, int limit,
        CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT entry_id AS EntryId, partnership_id AS PartnershipId, at_utc AS AtUtc, user_id AS UserId, user_email AS UserEmail,
                   action AS Action, object_type AS ObjectType, object_id AS ObjectId, detail AS Detail, address AS Address
              FROM access_log
             WHERE partnership_id = @PartnershipId AND at_utc >= @FromUtc AND at_utc < @ToUtc
               {(userEmail is null ? "" : "AND user_email = @UserEmail")}
             ORDER BY at_utc DESC, entry_id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            database.Dialect.Top(sql, limit), new { PartnershipId = partnershipId, FromUtc = fromUtc, ToUtc = toUtc, UserEmail = userEmail?.Trim().ToLowerInvariant() },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    private object Parameters(AccessEntry entry) => new
    {
        EntryId = Guid.NewGuid().ToString("N"),
        entry.PartnershipId,
        AtUtc = clock.GetUtcNow().UtcDateTime,
        entry.UserId,
        entry.UserEmail,
        entry.Action,
        entry.ObjectType,
        entry.ObjectId,
        entry.Detail,
        entry.Address,
    };
}

/// <summary>One thing a user saw or did: <see cref="AccessLogStore.View"/> or <see cref="AccessLogStore.Change"/>, to which object.</summary>
public sealed record AccessEntry(string PartnershipId, string UserId, string UserEmail, string Action, string ObjectType, string ObjectId,
    string? Detail, string? Address);
