using DeepDive.Bench.Web;
using DeepDive.Domain.Assignment;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Users;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Bench.Tests.Web;

/// <summary>The web bench's partnership, as its plan makes it and as the stores read it back once written.</summary>
public sealed class WebBenchPartnershipTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1000, 50)]
    [InlineData(20_001, 37)]
    public void Plan_SharesTheTasksEvenly_AndGivesEveryAuditorAnOpenTask(int tasks, int auditors)
    {
        var partnership = new WebBenchPartnership(tasks, auditors, Now);
        var all = partnership.AllDeepDives().SelectMany(d => d.Tasks.Select(t => (DeepDive: d, Task: t))).ToList();

        all.Should().HaveCount(tasks);
        all.Select(t => t.Task.TaskId).Should().OnlyHaveUniqueItems();
        all.Should().OnlyContain(t => t.Task.TaskId == $"{t.DeepDive.DeepDiveId}/{t.Task.Agency}" && t.DeepDive.DeepDiveId.StartsWith(t.DeepDive.Round.RoundId + "/"));
        var perAuditor = all.GroupBy(t => t.Task.AuditorId).Select(g => g.Count()).ToList();
        perAuditor.Should().HaveCount(auditors);
        (perAuditor.Max() - perAuditor.Min()).Should().BeLessThanOrEqualTo(tasks / auditors / 2 + 4, "each agency's auditors take its tasks in turn");
        all.Where(t => t.DeepDive.Round.InProgress).Select(t => t.Task.AuditorId).Distinct().Should().HaveCount(auditors);
        all.Where(t => t.DeepDive.Round.InProgress).Should().OnlyContain(t => t.Task.SubmittedUtc == null && t.Task.DueUtc > Now.AddDays(7));
        all.Where(t => !t.DeepDive.Round.InProgress).Should().OnlyContain(t => t.Task.SubmittedUtc < Now && t.Task.Grade != null);
    }

    [Fact]
    public void Clients_AreDistinctAuditorsSpreadOverThePoolAndTheAgencies()
    {
        new WebBenchPartnership(1000, 50, Now).Clients(5).Select(c => c.AuditorId).Should()
            .Equal("A-csc-0000", "A-education-0011", "A-health-0022", "A-police-0033", "A-csc-0040");
        var fifty = new WebBenchPartnership(100_000, 500, Now).Clients(50);
        fifty.Select(c => c.AuditorId).Should().OnlyHaveUniqueItems();
        fifty.GroupBy(c => c.Agency).Select(g => g.Count()).Should().HaveCount(4).And.OnlyContain(n => n >= 12);
        new WebBenchPartnership(1000, 8, Now).Clients(8).Select(c => c.AuditorId).Should().OnlyHaveUniqueItems().And.HaveCount(8);
    }

    [Fact]
    public async Task Seed_WritesRowsThatTheTaskBoardAndSignInRead()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        var partnership = new WebBenchPartnership(1000, 50, Now);

        await new WebBenchSeedStore(sqlite.Database, clock).SeedAsync(partnership, null, CancellationToken.None);

        var auditor = WebBenchPartnership.Auditor(7);
        var expected = partnership.AllDeepDives().Where(d => d.Round.InProgress).SelectMany(d => d.Tasks).Where(t => t.AuditorId == auditor.AuditorId).ToList();
        var board = new TaskBoard(sqlite.Database, new EventPublisher(WorkflowTypes.CreateSerializer()), clock);
        var open = await board.ListAsync(WebBenchPartnership.Id, auditor.AuditorId, openOnly: true, CancellationToken.None);
        open.Select(t => t.TaskId).Should().BeEquivalentTo(expected.Select(t => t.TaskId)).And.NotBeEmpty();
        open.Should().OnlyContain(t => t.Status == AuditTaskStatus.Open && t.Agency == auditor.Agency);
        (await board.ListAsync(WebBenchPartnership.Id, null, openOnly: false, CancellationToken.None)).Should().HaveCount(1000);

        var users = new UserStore(sqlite.Database, clock);
        await users.AddManyAsync([new NewUser(WebBenchPartnership.Id, auditor.Email, auditor.Name, Domain.Users.Role.Auditor, auditor.AuditorId, null, "bench password one")],
            CancellationToken.None);
        (await users.SignInAsync(auditor.Email, "bench password one", CancellationToken.None)).Should().BeOfType<SignInOutcome.SignedIn>();
    }

    [Theory]
    [InlineData(new double[] { 5, 1, 3, 2, 4 }, 50, 3)]
    [InlineData(new double[] { 5, 1, 3, 2, 4 }, 95, 5)]
    [InlineData(new double[] { 7 }, 99, 7)]
    [InlineData(new double[0], 95, 0)]
    public void Percentile_IsTheNearestRank(double[] values, double percent, double expected)
    {
        WebBenchFigures.Percentile([.. values.Order()], percent).Should().Be(expected);
    }
}
