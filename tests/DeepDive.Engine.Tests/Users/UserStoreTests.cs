using DeepDive.Domain.Users;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Users;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Users;

[Collection(PostgresCollection.Name)]
public sealed class UserStoreTests(PostgresServer postgres)
{
    private const string Password = "a long shared passphrase";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AddMany_OnSqlite_AddsEveryUserWhoThenSignsInWithTheSharedPassword()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await AddManyAndSignInAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task AddMany_OnPostgres_AddsEveryUserWhoThenSignsInWithTheSharedPassword()
    {
        await AddManyAndSignInAsync(await postgres.CreateMigratedDatabaseAsync());
    }

    [Fact]
    public async Task AddMany_WithAnEmailTwiceOrAWeakPassword_AddsNobodyAndNamesTheField()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var users = new UserStore(sqlite.Database, clock);

        var twice = () => users.AddManyAsync([Auditor(1), Auditor(2), Auditor(1) with { Email = " AUDITOR-1@bench.test " }], CancellationToken.None);
        (await twice.Should().ThrowAsync<UserRefusedException>()).Which.Field.Should().Be("email");
        var weak = () => users.AddManyAsync([Auditor(3), Auditor(4) with { Password = "short" }], CancellationToken.None);
        (await weak.Should().ThrowAsync<UserRefusedException>()).Which.Field.Should().Be("password");

        (await users.ListAsync("p", CancellationToken.None)).Should().BeEmpty("a refused batch adds no one");
    }

    [Fact]
    public async Task AddMany_RefusesAnEmailAlreadyTaken()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var users = new UserStore(sqlite.Database, clock);
        await users.AddAsync(Auditor(1), CancellationToken.None);

        var again = () => users.AddManyAsync([Auditor(2), Auditor(1)], CancellationToken.None);

        (await again.Should().ThrowAsync<UserRefusedException>()).WithMessage("There is already an account for auditor-1@bench.test");
        (await users.ListAsync("p", CancellationToken.None)).Select(u => u.Email).Should().Equal("auditor-1@bench.test");
    }

    private async Task AddManyAndSignInAsync(Database database)
    {
        var users = new UserStore(database, clock);
        var added = await users.AddManyAsync([.. Enumerable.Range(1, 40).Select(Auditor)], CancellationToken.None);

        added.Should().HaveCount(40).And.OnlyContain(u => u.Role == Role.Auditor && u.PartnershipId == "p");
        (await users.ListAsync("p", CancellationToken.None)).Should().HaveCount(40);
        foreach (var n in new[] { 1, 17, 40 })
        {
            (await users.SignInAsync($"auditor-{n}@bench.test", Password, CancellationToken.None)).Should()
                .BeOfType<SignInOutcome.SignedIn>().Which.User.AuditorId.Should().Be($"A-{n:D3}");
        }

        (await users.SignInAsync("auditor-2@bench.test", "not the passphrase", CancellationToken.None)).Should().BeOfType<SignInOutcome.Refused>();
    }

    private static NewUser Auditor(int n) => new("p", $"auditor-{n}@bench.test", $"Auditor {n}", Role.Auditor, $"A-{n:D3}", null, Password);
}
