using System.Security.Cryptography;
using System.Text;
using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Users;

/// <summary>
/// Personal access tokens for the API. A token is shown once when made; only its SHA-256 hash is kept (a token is
/// 256 random bits, so a fast hash is enough). A token acts as its user: the same role and scope, and nothing once
/// the user is disabled or the token revoked.
/// </summary>
public sealed class ApiTokenStore(Database database, UserStore users, TimeProvider clock)
{
    public const string Prefix = "ddt_";

    public sealed record Token(string TokenId, string Name, DateTime CreatedUtc, DateTime? LastUsedUtc, DateTime? RevokedUtc);

    /// <summary>Makes a token for the user and returns it in plain text: the only time it is seen.</summary>
    public async Task<string> CreateAsync(string partnershipId, string email, string name, CancellationToken cancellationToken)
    {
        var user = await users.FindAsync(email, cancellationToken);
        if (user is null || user.PartnershipId != partnershipId)
        {
            throw new UserRefusedException("email", $"There is no account for {email.Trim()} in partnership '{partnershipId}'");
        }

        if (user.Disabled)
        {
            throw new UserRefusedException("email", $"The account for {user.Email} is disabled; enable it before making a token");
        }

        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await database.WriteStatementAsync("""
            INSERT INTO api_token (token_id, user_id, token_hash, name, created_utc, last_used_utc, revoked_utc)
            VALUES (@Id, @UserId, @Hash, @Name, @Now, NULL, NULL)
            """, new { Id = Guid.NewGuid().ToString("N"), user.UserId, Hash = Hash(token), Name = string.IsNullOrWhiteSpace(name) ? "api" : name.Trim(),
            Now = clock.GetUtcNow().UtcDateTime }, cancellationToken);
        return token;
    }

    /// <summary>The user a token acts as, or null for an unknown or revoked token or a disabled user.</summary>
    public async Task<AppUser?> UserOfAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        string? userId;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            userId = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT user_id FROM api_token WHERE token_hash = @Hash AND revoked_utc IS NULL", new { Hash = Hash(token) }, cancellationToken: cancellationToken));
        }

        if (userId is null || await users.GetAsync(userId, cancellationToken) is not { Disabled: false } user)
        {
            return null;
        }

        await database.WriteStatementAsync("UPDATE api_token SET last_used_utc = @Now WHERE token_hash = @Hash",
            new { Now = clock.GetUtcNow().UtcDateTime, Hash = Hash(token) }, cancellationToken);
        return user;
    }

    public async Task<int> RevokeAllAsync(string userId, CancellationToken cancellationToken) =>
        await database.WriteStatementAsync("UPDATE api_token SET revoked_utc = @Now WHERE user_id = @UserId AND revoked_utc IS NULL",
            new { Now = clock.GetUtcNow().UtcDateTime, UserId = userId }, cancellationToken);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
