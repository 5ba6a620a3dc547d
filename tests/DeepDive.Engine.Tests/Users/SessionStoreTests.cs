using DeepDive.Domain.Users;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Users;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Users;

[Collection(PostgresCollection.Name)]
public sealed class SessionStoreTests(PostgresServer postgres)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 7, 7, 9, 30, 0, TimeSpan.Zero));

    private async Task<(Database Database, IDisposable Owner)> DatabaseAsync(string kind)
    {
        var sqlite = SqliteDatabase.CreateMigrated();
        return (kind == "sqlite" ? sqlite.Database : await postgres.CreateMigratedDatabaseAsync(), sqlite);
    }

    private async Task<AppUser> UserAsync(Database database) =>
        await new UserStore(database, clock).AddAsync(
            new NewUser("demo", "lead@school.test", "Sam Lead", Role.School, null, "Oak Primary", "correct horse battery staple"), CancellationToken.None);

    [PostgresTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_session_is_read_back_renewed_and_ended_and_lapses_at_its_expiry(string kind)
    {
        var (database, owner) = await DatabaseAsync(kind);
        using var _ = owner;
        var user = await UserAsync(database);
        var sessions = new SessionStore(database, clock);
        var now = clock.GetUtcNow().UtcDateTime;

        var id = await sessions.StartAsync(user.UserId, [1, 2, 3], now.AddMinutes(30), CancellationToken.None);
        var other = await sessions.StartAsync(user.UserId, [9], now.AddMinutes(30), CancellationToken.None);
        id.Should().HaveLength(43).And.NotBe(other);
        (await sessions.GetAsync(id, CancellationToken.None)).Should().Equal(1, 2, 3);

        clock.Advance(TimeSpan.FromMinutes(20));
        await sessions.RenewAsync(id, [4, 5], clock.GetUtcNow().UtcDateTime.AddMinutes(30), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(20));
        (await sessions.GetAsync(id, CancellationToken.None)).Should().Equal([4, 5], "renewed, it runs to its new expiry");
        (await sessions.GetAsync(other, CancellationToken.None)).Should().BeNull("40 minutes on, the one not renewed has lapsed");

        await sessions.EndAsync(id, CancellationToken.None);
        (await sessions.GetAsync(id, CancellationToken.None)).Should().BeNull();
    }

    [PostgresTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_disabled_users_sessions_are_not_read(string kind)
    {
        var (database, owner) = await DatabaseAsync(kind);
        using var _ = owner;
        var user = await UserAsync(database);
        var sessions = new SessionStore(database, clock);
        var id = await sessions.StartAsync(user.UserId, [1], clock.GetUtcNow().UtcDateTime.AddMinutes(30), CancellationToken.None);

        await new UserStore(database, clock).DisableAsync("demo", user.Email, CancellationToken.None);

        (await sessions.GetAsync(id, CancellationToken.None)).Should().BeNull();
    }

    [PostgresTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Data_protection_keys_are_kept_by_name_and_a_name_keeps_its_first_xml(string kind)
    {
        var (database, owner) = await DatabaseAsync(kind);
        using var _ = owner;
        var keys = new DataProtectionKeyStore(database, clock);

        await keys.AddAsync("key-b", "<key id=\"b\" />", CancellationToken.None);
        await keys.AddAsync("key-a", "<key id=\"a\" />", CancellationToken.None);
        await keys.AddAsync("key-a", "<key id=\"changed\" />", CancellationToken.None);

        (await keys.AllAsync(CancellationToken.None)).Should().Equal(
            new DataProtectionKeyStore.Key("key-a", "<key id=\"a\" />"), new DataProtectionKeyStore.Key("key-b", "<key id=\"b\" />"));
    }
}
