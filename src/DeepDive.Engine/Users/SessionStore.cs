using System.Security.Cryptography;
using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Users;

/// <summary>
/// Signed-in web sessions. The session cookie carries only a session's id (protected); the sign-in it stands for is
/// kept here, so every web node on the database reads it, signing out ends it for every copy of the cookie, and a
/// disabled user's sessions stop at once. A session lapses at its expiry, which the web app moves on as it is used.
/// </summary>
public sealed class SessionStore(Database database, TimeProvider clock)
{
    private static long userChanges;

    /// <summary>
    /// How many times this process has changed whether an account may keep its sessions (<see cref="UserStore.DisableAsync"/>):
    /// a web node that keeps sessions it has read checks them in the database again when this moves.
    /// </summary>
    public static long UserChanges => Interlocked.Read(ref userChanges);

    internal static void UsersChanged() => Interlocked.Increment(ref userChanges);

    /// <summary>Starts a session (clearing lapsed ones on the way) and returns its id: 256 random bits.</summary>
    public async Task<string> StartAsync(string userId, byte[] ticket, DateTime expiresUtc, CancellationToken cancellationToken)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        await database.WriteStatementAsync("DELETE FROM web_session WHERE expires_utc < @Now", new { Now = now }, cancellationToken);
        await database.WriteStatementAsync("""
            INSERT INTO web_session (session_id, user_id, ticket, created_utc, expires_utc)
            VALUES (@Id, @UserId, @Ticket, @Now, @ExpiresUtc)
            """, new { Id = id, UserId = userId, Ticket = ticket, Now = now, ExpiresUtc = expiresUtc }, cancellationToken);
        return id;
    }

    /// <summary>The session's sign-in, or null when it has ended, lapsed, or its user is disabled or gone.</summary>
    public async Task<byte[]?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]?>(new CommandDefinition("""
            SELECT s.ticket FROM web_session s JOIN app_user u ON u.user_id = s.user_id
             WHERE s.session_id = @SessionId AND s.expires_utc > @Now AND u.disabled = 0
            """, new { SessionId = sessionId, Now = clock.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
    }

    /// <summary>Keeps the session going: its sign-in as renewed, until the new expiry.</summary>
    public Task RenewAsync(string sessionId, byte[] ticket, DateTime expiresUtc, CancellationToken cancellationToken) =>
        database.WriteStatementAsync("UPDATE web_session SET ticket = @Ticket, expires_utc = @ExpiresUtc WHERE session_id = @SessionId",
            new { SessionId = sessionId, Ticket = ticket, ExpiresUtc = expiresUtc }, cancellationToken);

    public Task EndAsync(string sessionId, CancellationToken cancellationToken) =>
        database.WriteStatementAsync("DELETE FROM web_session WHERE session_id = @SessionId", new { SessionId = sessionId }, cancellationToken);
}
