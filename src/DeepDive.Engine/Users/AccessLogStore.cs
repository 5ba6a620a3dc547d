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
    public Task<IReadOnlyList<Row>> ListAsync(string partnershipId, DateTime fromUtc, DateTime toUtc, string? userEmail, int limit,
        CancellationToken cancellationToken) =>
        PageAsync(new Selection(partnershipId, fromUtc, toUtc, userEmail), 0, limit, cancellationToken);

    /// <summary>Which entries to read: a partnership's from <see cref="FromUtc"/> (inclusive) to <see cref="ToUtc"/> (exclusive), optionally of one user.</summary>
    public sealed record Selection(string PartnershipId, DateTime FromUtc, DateTime ToUtc, string? UserEmail)
    {
        internal object Arguments => new { PartnershipId, FromUtc, ToUtc, UserEmail = UserEmail?.Trim().ToLowerInvariant() };

        internal string Where => $"""
            WHERE partnership_id = @PartnershipId AND at_utc >= @FromUtc AND at_utc < @ToUtc
              {(UserEmail is null ? "" : "AND user_email = @UserEmail")}
            """;
    }

    private const string SelectRow = """
        SELECT entry_id AS EntryId, partnership_id AS PartnershipId, at_utc AS AtUtc, user_id AS UserId, user_email AS UserEmail,
               action AS Action, object_type AS ObjectType, object_id AS ObjectId, detail AS Detail, address AS Address
          FROM access_log
        """;

    /// <summary>How many entries the selection holds.</summary>
    public async Task<int> CountAsync(Selection selection, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM access_log " + selection.Where, selection.Arguments, cancellationToken: cancellationToken));
    }

    /// <summary><paramref name="count"/> entries of the selection after the first <paramref name="offset"/>, newest first.</summary>
    public async Task<IReadOnlyList<Row>> PageAsync(Selection selection, int offset, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            database.Dialect.Page($"{SelectRow} {selection.Where} ORDER BY at_utc DESC, entry_id", offset, count), selection.Arguments,
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Every entry of the selection, newest first, read as one query and handed on row by row (for an export of any size).</summary>
    public async IAsyncEnumerable<Row> AllAsync(Selection selection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await foreach (var row in connection.QueryUnbufferedAsync<Row>($"{SelectRow} {selection.Where} ORDER BY at_utc DESC, entry_id", selection.Arguments)
                           .WithCancellation(cancellationToken))
        {
            yield return row;
        }
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
