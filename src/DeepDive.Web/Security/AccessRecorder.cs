using System.Data.Common;
using DeepDive.Engine.Users;

namespace DeepDive.Web.Security;

/// <summary>
/// Writes the access log for the current request: who (the signed-in user), from where (the client's address), and
/// what. Every page or endpoint that shows case-level data calls <see cref="ViewedAsync"/>; every change writes
/// <see cref="ChangedAsync"/> inside the change's own transaction.
/// </summary>
public sealed class AccessRecorder(CurrentUser user, AccessLogStore log, IHttpContextAccessor http)
{
    public Task ViewedAsync(string objectType, string objectId, CancellationToken cancellationToken, string? detail = null) =>
        log.WriteAsync(Entry(AccessLogStore.View, objectType, objectId, detail), cancellationToken);

    public Task ChangedAsync(DbConnection connection, DbTransaction transaction, string objectType, string objectId, string detail,
        CancellationToken cancellationToken) =>
        log.WriteAsync(connection, transaction, Entry(AccessLogStore.Change, objectType, objectId, detail), cancellationToken);

    /// <summary>A change made through a store that has its own transaction: written right after it commits.</summary>
    public Task ChangedAsync(string objectType, string objectId, string detail, CancellationToken cancellationToken) =>
        log.WriteAsync(Entry(AccessLogStore.Change, objectType, objectId, detail), cancellationToken);

    private AccessEntry Entry(string action, string objectType, string objectId, string? detail) =>
        new(user.PartnershipId, user.UserId, user.Email, action, objectType, objectId, detail,
            http.HttpContext?.Connection.RemoteIpAddress?.ToString());
}
