using System.Collections.Concurrent;
using System.Security.Claims;
using DeepDive.Engine.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DeepDive.Web.Security;

/// <summary>
/// Keeps each signed-in session in the database (<see cref="SessionStore"/>); the cookie carries only the session's id.
/// So any web node reads a session another made, and signing out ends it for every copy of the cookie.
/// A session this node has read is used again without reading it for <see cref="Recheck"/>: signing out or a lapse on
/// this node ends it at once, and so does disabling any account in this process (<see cref="SessionStore.UserChanges"/>);
/// signing out or disabling an account on another node ends it here within <see cref="Recheck"/>.
/// </summary>
public sealed class DatabaseTicketStore(SessionStore sessions, TimeProvider clock) : ITicketStore
{
    /// <summary>How long a session read from the database is used before it is read again.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Known> known = new(StringComparer.Ordinal);
    private long ends;

    // Read at, in real elapsed time: the session's own expiry is the ticket's, checked by the cookie handler on the app's clock.
    private sealed record Known(byte[] Ticket, long UserChanges, long ReadAtMs);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        StoreAsync(ticket, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RetrieveAsync(key, cancellationToken);

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RemoveAsync(key, cancellationToken);

    private async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ForgetStale();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var changes = SessionStore.UserChanges;
        var key = await sessions.StartAsync(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", bytes, Expiry(ticket), cancellationToken);
        known[key] = new Known(bytes, changes, Environment.TickCount64);
        return key;
    }

    private async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var changes = SessionStore.UserChanges;
        await sessions.RenewAsync(key, bytes, Expiry(ticket), cancellationToken);
        // Only a session still known here: one ended meanwhile stays ended.
        if (known.TryGetValue(key, out var before))
        {
            known.TryUpdate(key, new Known(bytes, changes, Environment.TickCount64), before);
        }
    }

    private async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var (changes, endsBefore) = (SessionStore.UserChanges, Interlocked.Read(ref ends));
        if (known.TryGetValue(key, out var session) && session.UserChanges == changes && Environment.TickCount64 - session.ReadAtMs < Recheck.TotalMilliseconds)
        {
            return TicketSerializer.Default.Deserialize(session.Ticket);
        }

        if (await sessions.GetAsync(key, cancellationToken) is not { } bytes)
        {
            known.TryRemove(key, out _);
            return null;
        }

        // Not kept if a session ended here while it was read: that one may be this.
        if (Interlocked.Read(ref ends) == endsBefore)
        {
            known[key] = new Known(bytes, changes, Environment.TickCount64);
        }

        return TicketSerializer.Default.Deserialize(bytes);
    }

    private async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref ends);
        known.TryRemove(key, out _);
        await sessions.EndAsync(key, cancellationToken);
    }

    /// <summary>Drops the sessions not read again within <see cref="Recheck"/> (they would be read from the database anyway), so the ones never used again do not pile up.</summary>
    private void ForgetStale()
    {
        var now = Environment.TickCount64;
        foreach (var (key, session) in known)
        {
            if (now - session.ReadAtMs >= Recheck.TotalMilliseconds)
            {
                known.TryRemove(KeyValuePair.Create(key, session));
            }
        }
    }

    private DateTime Expiry(AuthenticationTicket ticket) =>
        (ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().Add(Authentication.IdleTimeout)).UtcDateTime;
}
