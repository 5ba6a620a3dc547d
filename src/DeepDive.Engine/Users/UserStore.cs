using System.Security.Cryptography;
using Dapper;
using DeepDive.Domain.Users;
using DeepDive.Engine.Storage;
using Microsoft.AspNetCore.Identity;

namespace DeepDive.Engine.Users;

/// <summary>
/// The people who sign in: added, disabled and given new passwords by a manager (or the command line for the first
/// manager), signed in with lockout after repeated wrong passwords. Passwords are hashed with ASP.NET Core's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2).
/// </summary>
public sealed class UserStore(Database database, TimeProvider clock)
{
    private static readonly PasswordHasher<AppUser> Hasher = new();

    private sealed class Row
    {
        public string UserId { get; set; } = "";
        public string PartnershipId { get; set; } = "";
        public string Email { get; set; } = "";
        public string Name { get; set; } = "";
        public string Role { get; set; } = "";
        public string? AuditorId { get; set; }
        public string? School { get; set; }
        public string PasswordHash { get; set; } = "";
        public int Disabled { get; set; }
        public int FailedSignIns { get; set; }
        public DateTime? LockedUntilUtc { get; set; }
        public DateTime CreatedUtc { get; set; }
        public DateTime? LastSignInUtc { get; set; }

        public AppUser ToUser() => new(UserId, PartnershipId, Email, Name, Enum.Parse<Role>(Role, ignoreCase: true), AuditorId, School,
            Disabled != 0, CreatedUtc, LastSignInUtc);
    }

    private const string Columns = """
        user_id AS UserId, partnership_id AS PartnershipId, email AS Email, name AS Name, role AS Role, auditor_id AS AuditorId,
        school AS School, password_hash AS PasswordHash, disabled AS Disabled, failed_sign_ins AS FailedSignIns,
        locked_until_utc AS LockedUntilUtc, created_utc AS CreatedUtc, last_sign_in_utc AS LastSignInUtc
        """;

    /// <summary>A new user. Refused (naming the field) for a bad email, a taken email, a weak password, or a role without the link it needs.</summary>
    public async Task<AppUser> AddAsync(NewUser user, CancellationToken cancellationToken) => (await AddManyAsync([user], cancellationToken))[0];

    /// <summary>
    /// New users, all or none, each checked as <see cref="AddAsync"/> checks one (an email given twice is refused too). A
    /// password shared by several users is hashed once and the hash reused (a hash carries its own salt; PBKDF2 is slow on
    /// purpose), so hundreds of accounts for a bench or a training session take a moment rather than a minute.
    /// </summary>
    public async Task<IReadOnlyList<AppUser>> AddManyAsync(IReadOnlyList<NewUser> users, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<(AppUser User, string Hash)>(users.Count);
        var emails = new HashSet<string>(StringComparer.Ordinal);
        // Hashed before the write, so that the database's writers never wait for PBKDF2.
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            var checkedUser = Checked(user, now);
            if (!emails.Add(checkedUser.Email) || await FindRowAsync(checkedUser.Email, cancellationToken) is not null)
            {
                throw new UserRefusedException("email", $"There is already an account for {checkedUser.Email}");
            }

            if (!hashes.TryGetValue(user.Password, out var hash))
            {
                hashes[user.Password] = hash = Hasher.HashPassword(checkedUser, user.Password);
            }

            added.Add((checkedUser, hash));
        }

        await database.WriteAsync(async (connection, transaction, ct) =>
        {
            await using var insert = new BatchCommand(connection, transaction, SqlText.Insert("app_user", InsertColumns), InsertColumns);
            foreach (var (user, hash) in added)
            {
                insert.Set("user_id", user.UserId);
                insert.Set("partnership_id", user.PartnershipId);
                insert.Set("email", user.Email);
                insert.Set("name", user.Name);
                insert.Set("role", user.Role.Name());
                insert.Set("auditor_id", user.AuditorId);
                insert.Set("school", user.School);
                insert.Set("password_hash", hash);
                insert.Set("disabled", 0);
                insert.Set("failed_sign_ins", 0);
                insert.Set("locked_until_utc", null);
                insert.Set("created_utc", now);
                insert.Set("password_set_utc", now);
                insert.Set("last_sign_in_utc", null);
                await insert.ExecuteAsync(ct);
            }
        }, cancellationToken);
        return [.. added.Select(a => a.User)];
    }

    private static readonly string[] InsertColumns =
    [
        "user_id", "partnership_id", "email", "name", "role", "auditor_id", "school", "password_hash", "disabled", "failed_sign_ins",
        "locked_until_utc", "created_utc", "password_set_utc", "last_sign_in_utc",
    ];

    /// <summary>The user as they will be stored, or refused naming the field.</summary>
    private static AppUser Checked(NewUser user, DateTime now)
    {
        var email = NormaliseEmail(user.Email);
        if (string.IsNullOrWhiteSpace(user.Name))
        {
            throw new UserRefusedException("name", "Enter the person's name");
        }

        if (user.Role == Role.Auditor && string.IsNullOrWhiteSpace(user.AuditorId))
        {
            throw new UserRefusedException("auditor", "An auditor's account needs the auditor id they audit as (from the auditor pool)");
        }

        if (user.Role == Role.School && string.IsNullOrWhiteSpace(user.School))
        {
            throw new UserRefusedException("school", "A school's account needs the school's name, as the case register writes it");
        }

        CheckPassword(user.Password, email);
        return new AppUser(Guid.NewGuid().ToString("N"), user.PartnershipId, email, user.Name.Trim(), user.Role,
            user.Role == Role.Auditor ? user.AuditorId!.Trim() : null, user.Role == Role.School ? user.School!.Trim() : null, false, now, null);
    }

    public async Task<AppUser?> FindAsync(string email, CancellationToken cancellationToken) =>
        (await FindRowAsync(email.Trim().ToLowerInvariant(), cancellationToken))?.ToUser();

    public async Task<AppUser?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM app_user WHERE user_id = @UserId", new { UserId = userId }, cancellationToken: cancellationToken));
        return row?.ToUser();
    }

    public async Task<IReadOnlyList<AppUser>> ListAsync(string partnershipId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM app_user WHERE partnership_id = @PartnershipId ORDER BY role, name", new { PartnershipId = partnershipId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToUser())];
    }

    /// <summary>
    /// Checks a password. Five wrong ones in a row lock the account for 15 minutes; a locked or disabled account is
    /// refused whatever the password, and an unknown email reads the same as a wrong password.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var row = await FindRowAsync(email.Trim().ToLowerInvariant(), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            // The same work as a real check, so that the time taken does not tell whether an account exists.
            Hasher.VerifyHashedPassword(Placeholder, PlaceholderHash.Value, password);
            return new SignInOutcome.Refused();
        }

        if (SignInLockout.IsLocked(row.LockedUntilUtc, now))
        {
            return new SignInOutcome.LockedOut(row.LockedUntilUtc!.Value);
        }

        var user = row.ToUser();
        var verified = Hasher.VerifyHashedPassword(user, row.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (!verified || user.Disabled)
        {
            if (!verified)
            {
                var (failures, lockedUntil) = SignInLockout.AfterFailure(row.FailedSignIns, now);
                await database.WriteStatementAsync(
                    "UPDATE app_user SET failed_sign_ins = @Failures, locked_until_utc = @LockedUntil WHERE user_id = @UserId",
                    new { Failures = failures, LockedUntil = lockedUntil, row.UserId }, cancellationToken);
                if (lockedUntil is { } until)
                {
                    return new SignInOutcome.LockedOut(until);
                }
            }

            return new SignInOutcome.Refused();
        }

        await database.WriteStatementAsync(
            "UPDATE app_user SET failed_sign_ins = 0, locked_until_utc = NULL, last_sign_in_utc = @Now WHERE user_id = @UserId",
            new { Now = now, row.UserId }, cancellationToken);
        return new SignInOutcome.SignedIn(user with { LastSignInUtc = now });
    }

    /// <summary>Disables an account: it can no longer sign in, its tokens stop working; its history stays. False if there is no such account.</summary>
    public async Task<bool> DisableAsync(string partnershipId, string email, CancellationToken cancellationToken)
    {
        var disabled = await database.WriteStatementAsync("UPDATE app_user SET disabled = 1 WHERE partnership_id = @PartnershipId AND email = @Email",
            new { PartnershipId = partnershipId, Email = email.Trim().ToLowerInvariant() }, cancellationToken) > 0;
        SessionStore.UsersChanged();
        return disabled;
    }

    public async Task<bool> EnableAsync(string partnershipId, string email, CancellationToken cancellationToken) =>
        await database.WriteStatementAsync("UPDATE app_user SET disabled = 0 WHERE partnership_id = @PartnershipId AND email = @Email",
            new { PartnershipId = partnershipId, Email = email.Trim().ToLowerInvariant() }, cancellationToken) > 0;

    /// <summary>Sets a new password (and lifts a lockout). Refused for a weak password or an unknown account.</summary>
    public async Task SetPasswordAsync(string partnershipId, string email, string password, CancellationToken cancellationToken)
    {
        var row = await FindRowAsync(email.Trim().ToLowerInvariant(), cancellationToken);
        if (row is null || row.PartnershipId != partnershipId)
        {
            throw new UserRefusedException("email", $"There is no account for {email.Trim()} in partnership '{partnershipId}'");
        }

        CheckPassword(password, row.Email);
        await database.WriteStatementAsync("""
            UPDATE app_user SET password_hash = @Hash, failed_sign_ins = 0, locked_until_utc = NULL, password_set_utc = @Now WHERE user_id = @UserId
            """, new { Hash = Hasher.HashPassword(row.ToUser(), password), Now = clock.GetUtcNow().UtcDateTime, row.UserId }, cancellationToken);
    }

    /// <summary>A random password that meets the policy: four groups of five letters and digits (about 100 bits).</summary>
    public static string RandomPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(alphabet, 5)));
    }

    private static string NormaliseEmail(string email)
    {
        var trimmed = (email ?? "").Trim().ToLowerInvariant();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (at < 1 || at == trimmed.Length - 1 || trimmed.Contains(' ', StringComparison.Ordinal) || trimmed.Length > 200)
        {
            throw new UserRefusedException("email", "Enter an email address in the correct format, like name@example.org");
        }

        return trimmed;
    }

    private static void CheckPassword(string password, string email)
    {
        if (PasswordPolicy.Problem(password ?? "", CommonPasswords.All, email) is { } problem)
        {
            throw new UserRefusedException("password", problem);
        }
    }

    private async Task<Row?> FindRowAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM app_user WHERE email = @Email", new { Email = email }, cancellationToken: cancellationToken));
    }

    private static readonly AppUser Placeholder = new("", "", "", "", Role.Viewer, null, null, false, default, null);
    private static readonly Lazy<string> PlaceholderHash = new(() => Hasher.HashPassword(Placeholder, RandomPassword()));
}

/// <summary>What a manager gives to add a user.</summary>
public sealed record NewUser(string PartnershipId, string Email, string Name, Role Role, string? AuditorId, string? School, string Password);
