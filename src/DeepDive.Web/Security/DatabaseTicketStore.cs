using System.Security.Claims;
using DeepDive.Engine.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DeepDive.Web.Security;

/// <summary>
/// Keeps each signed-in session in the database (<see cref="SessionStore"/>); the cookie carries only the session's id.
/// So any web node reads a session another made, and signing out ends it for every copy of the cookie.
/// </summary>
public sealed class DatabaseTicketStore(SessionStore sessions, TimeProvider clock) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        StoreAsync(ticket, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RetrieveAsync(key, cancellationToken);

    public Task RemoveAsync(string key) => sessions.EndAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => sessions.EndAsync(key, cancellationToken);

    private Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        sessions.StartAsync(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", TicketSerializer.Default.Serialize(ticket),
            Expiry(ticket), cancellationToken);

    private Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        sessions.RenewAsync(key, TicketSerializer.Default.Serialize(ticket), Expiry(ticket), cancellationToken);

    private async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        await sessions.GetAsync(key, cancellationToken) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    private DateTime Expiry(AuthenticationTicket ticket) =>
        (ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().Add(Authentication.IdleTimeout)).UtcDateTime;
}
