using Dapper;
using DeepDive.Domain.Auditors;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Rounds;

[Collection(PostgresCollection.Name)]
public sealed class SampleListTests(PostgresServer postgres)
{
    [PostgresTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ManagerReview_ReplacesFromTheReserves_AddsByHand_ThenLocks_AndTheDeepDivesFollowTheReviewedList(string databaseKind)
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var database = databaseKind == "sqlite" ? sqlite.Database : await postgres.CreateMigratedDatabaseAsync();
        await using var round = await OpenRoundAsync(database, SampleDesign.ManagerLock, reserveSize: 2);
        var lists = new SampleList(database, EventPublisher.StoreOnly(), round.Clock);

        round.Status().Should().Be(SampleList.AwaitingReview);
        round.Scalar("SELECT COUNT(*) FROM deep_dive WHERE round_id = @RoundId").Should().Be(0, "nothing starts before the manager locks the list");
        var drawn = round.List("sample");
        var reserves = round.List("reserve");

        var replaced = await lists.ReplaceAsync("p", round.Id, drawn[1], "qa-lead", "the family moved out of the area", CancellationToken.None);
        replaced.Should().Be(new SampleList.Replacement(round.Id, drawn[1], reserves[0], 2, 1));
        var handAdded = SamplingRegister.Cases().Select(c => c.CaseRef).First(c => !drawn.Contains(c) && !reserves.Contains(c));
        (await lists.AddAsync("p", round.Id, handAdded, "qa-lead", "raised at the partnership board", CancellationToken.None)).Position.Should().Be(6);

        var reviewed = new List<string>(drawn) { [1] = reserves[0] };
        reviewed.Add(handAdded);
        round.List("sample").Should().Equal(reviewed);
        round.List("reserve").Should().Equal(reserves[1]);
        round.List("replaced").Should().Equal(drawn[1]);

        await lists.LockAsync("p", round.Id, "qa-lead", CancellationToken.None);
        await round.Runtime.WaitUntilIdleAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

        round.Status().Should().Be("in-progress");
        round.Rows("SELECT case_ref FROM deep_dive WHERE round_id = @RoundId").Should().BeEquivalentTo(reviewed);

        var report = SampleReport.Render(await new SampleReport(database).LoadAsync("p", round.Id, CancellationToken.None), "md");
        report.Should().Contain($"| 2 | {reserves[0]} |").And.Contain($"reserve, replaces {drawn[1]} (qa-lead, ")
            .And.Contain($"| 6 | {handAdded} |").And.Contain("HAND-ADDED, not drawn (qa-lead, ").And.Contain("raised at the partnership board")
            .And.Contain($"replaced by {reserves[0]} (qa-lead, ").And.Contain("- **Locked:** by qa-lead, ")
            .And.Contain("1 replacement, 1 case added by hand").And.Contain("## Changes after the draw");
    }

    [PostgresTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Replacement_AfterTheDeepDivesStarted_IsRefused_AndChangesNothing(string databaseKind)
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var database = databaseKind == "sqlite" ? sqlite.Database : await postgres.CreateMigratedDatabaseAsync();
        await using var round = await OpenRoundAsync(database, SampleDesign.ManagerLock, reserveSize: 2);
        var lists = new SampleList(database, EventPublisher.StoreOnly(), round.Clock);
        await lists.LockAsync("p", round.Id, "qa-lead", CancellationToken.None);
        await round.Runtime.WaitUntilIdleAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        var sample = round.List("sample");
        var tasks = round.Scalar($"SELECT COUNT(*) FROM audit_task WHERE round_id = @RoundId AND case_ref = '{sample[0]}'");
        tasks.Should().BePositive();

        var replace = () => lists.ReplaceAsync("p", round.Id, sample[0], "qa-lead", "unsuitable", CancellationToken.None);
        var add = () => lists.AddAsync("p", round.Id, SamplingRegister.Ref(80), "qa-lead", "asked for", CancellationToken.None);

        (await replace.Should().ThrowAsync<SampleListRefusedException>()).Which.Message.Should()
            .StartWith($"Round {round.Id}'s list cannot be replaced: its deep dives started at 2027-03-01 09:00 UTC and {sample[0]} is with its auditors ({tasks} {(tasks == 1 ? "task" : "tasks")}, 0 submitted).")
            .And.Contain("Replace or add cases while the draw awaits review");
        (await add.Should().ThrowAsync<SampleListRefusedException>()).Which.Message.Should().StartWith($"Round {round.Id}'s list cannot be added to: its deep dives started");
        round.List("sample").Should().Equal(sample);
        round.Scalar("SELECT COUNT(*) FROM sample_change WHERE round_id = @RoundId").Should().Be(1, "only the lock was recorded");
        round.Scalar($"SELECT COUNT(*) FROM deep_dive WHERE round_id = @RoundId AND case_ref = '{sample[0]}' AND status = 'open'").Should().Be(1);
    }

    [Fact]
    public async Task AutoLockedRound_RefusesChanges_SayingHowToAskForAReview()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using var round = await OpenRoundAsync(sqlite.Database, SampleDesign.AutoLock, reserveSize: 2, startDeepDives: false);
        var lists = new SampleList(sqlite.Database, EventPublisher.StoreOnly(), round.Clock);
        var first = round.List("sample")[0];

        var replace = () => lists.ReplaceAsync("p", round.Id, first, "qa-lead", "unsuitable", CancellationToken.None);
        var relock = () => lists.LockAsync("p", round.Id, "qa-lead", CancellationToken.None);

        (await replace.Should().ThrowAsync<SampleListRefusedException>()).Which.Message.Should().Be(
            $"Round {round.Id}'s list cannot be replaced: it was locked automatically when it was drawn, at 2027-03-01 09:00 UTC (its cycle's \"sampling\": {{ \"lock\": \"auto\" }}; set \"lock\": \"manager\" to review draws before they are locked), and a locked list is handed to auditors as it stands.");
        (await relock.Should().ThrowAsync<SampleListRefusedException>()).Which.Message.Should().StartWith($"Round {round.Id}'s list is already locked, automatically");
    }

    [Fact]
    public async Task Review_RefusesWhatItCannotDo_WithTheReason()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using var round = await OpenRoundAsync(sqlite.Database, SampleDesign.ManagerLock, reserveSize: 1);
        var lists = new SampleList(sqlite.Database, EventPublisher.StoreOnly(), round.Clock);
        var sample = round.List("sample");
        var reserve = round.List("reserve").Single();

        await lists.ReplaceAsync("p", round.Id, sample[0], "qa-lead", "conflict", CancellationToken.None);

        async Task<string> Refusal(Func<Task> act) => (await act.Should().ThrowAsync<Exception>()).Which.Message;
        (await Refusal(() => lists.ReplaceAsync("p", round.Id, sample[1], "qa-lead", "conflict", CancellationToken.None))).Should().StartWith(
            $"Round {round.Id} has no unused reserve left, so {sample[1]} cannot be replaced from the reserve list; add a case by hand with 'deepdive sample add {round.Id} <case>");
        (await Refusal(() => lists.ReplaceAsync("p", round.Id, sample[0], "qa-lead", "again", CancellationToken.None)))
            .Should().Be($"Case {sample[0]} was already replaced in round {round.Id}.");
        (await Refusal(() => lists.ReplaceAsync("p", round.Id, "C-999", "qa-lead", "x", CancellationToken.None)))
            .Should().Be($"Case C-999 is not in round {round.Id}'s list, so it cannot be replaced.");
        (await Refusal(() => lists.AddAsync("p", round.Id, "C-999", "qa-lead", "x", CancellationToken.None)))
            .Should().Be("Case C-999 is not in partnership p's case register; import it first.");
        (await Refusal(() => lists.AddAsync("p", round.Id, reserve, "qa-lead", "x", CancellationToken.None)))
            .Should().Be($"Case {reserve} is already number 1 in round {round.Id}'s list.");
        (await Refusal(() => lists.AddAsync("p", round.Id, sample[2], "qa-lead", "  ", CancellationToken.None)))
            .Should().StartWith("Give the reason with --reason");
        (await Refusal(() => lists.LockAsync("p", "R-nope", "qa-lead", CancellationToken.None)))
            .Should().Be("There is no round 'R-nope' in partnership 'p'.");
        round.Scalar("SELECT COUNT(*) FROM sample_change WHERE round_id = @RoundId").Should().Be(1);
    }

    private static async Task<OpenedRound> OpenRoundAsync(Database database, string lockMode, int reserveSize, bool startDeepDives = true)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(SamplingRegister.AsAt));
        await SamplingRegister.SeedAsync(database);
        var auditors = Enumerable.Range(1, 9).Select(i => new Auditor($"A{i}", $"Auditor {i}", new[] { "csc", "police", "health" }[i % 3], $"qa-{i}", [], 10)).ToList();
        await database.InTransactionAsync((c, t) => new AuditorStore(database, clock).UpsertAsync("p", auditors, c, t, CancellationToken.None), CancellationToken.None);
        var cycle = SamplingRegister.Cycle(new SampleDesign { Lock = lockMode }, sampleSize: 5, reserveSize: reserveSize);
        await new CycleStore(database, clock).AddOrUpdateAsync("p", cycle, CancellationToken.None);
        var runtime = DeepDiveRuntime.Create(database, clock, new RuntimeOptions { InstanceName = $"t-{Guid.NewGuid():N}", PollInterval = TimeSpan.FromMilliseconds(50) });
        if (startDeepDives)
        {
            await runtime.StartAsync(CancellationToken.None);
        }
        else
        {
            // Definitions are loaded, but no workflow runs: the round stays as it was opened.
            await runtime.StartAsync(CancellationToken.None);
            await runtime.StopAsync();
        }

        var started = await runtime.Services.GetRequiredService<RoundStarter>().StartScheduledAsync("p", cycle.Id, SamplingRegister.AsAt, CancellationToken.None);
        if (startDeepDives)
        {
            await runtime.WaitUntilIdleAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        return new OpenedRound(database, runtime, clock, started!.RoundId);
    }

    private sealed record OpenedRound(Database Database, DeepDiveRuntime Runtime, FakeTimeProvider Clock, string Id) : IAsyncDisposable
    {
        public List<string> List(string list) => Rows($"SELECT case_ref FROM sample_case WHERE round_id = @RoundId AND list = '{list}' ORDER BY position");

        public string Status() => Rows("SELECT status FROM audit_round WHERE round_id = @RoundId").Single();

        public long Scalar(string sql)
        {
            // On a pool thread: blocking an xunit thread on an await queued to xunit's own context can deadlock the run.
            using var connection = Task.Run(() => Database.OpenAsync(CancellationToken.None)).GetAwaiter().GetResult();
            return connection.ExecuteScalar<long>(sql, new { RoundId = Id });
        }

        public List<string> Rows(string sql)
        {
            // On a pool thread: blocking an xunit thread on an await queued to xunit's own context can deadlock the run.
            using var connection = Task.Run(() => Database.OpenAsync(CancellationToken.None)).GetAwaiter().GetResult();
            return connection.Query<string>(sql, new { RoundId = Id }).ToList();
        }

        public ValueTask DisposeAsync() => Runtime.DisposeAsync();
    }
}
