using System.Globalization;
using Dapper;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Reports;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using DeepDive.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Reports;

[CollectionDefinition(Name)]
public sealed class CommitteeCollection : ICollectionFixture<CommitteeFixture>
{
    public const string Name = "committee report";
}

/// <summary>
/// A partnership for the committee report, once per test run: January to early July 2027 of the demo programme run
/// in virtual time (rounds, deep dives, re-audits, late tasks), then an action plan imported in two spreadsheets (March,
/// and July with some statuses dated after the period), and three actions a round proposed, confirmed and updated in
/// the period. Every row it imports or changes is also kept here, so that a test can work out what the report must say
/// without asking the report's code.
/// </summary>
public sealed class CommitteeFixture : IAsyncLifetime
{
    public const string Partnership = "demo";
    public static readonly ReportingPeriod Period = new(new DateOnly(2027, 4, 1), new DateOnly(2027, 6, 30));

    // The period in UTC, worked out by hand: 1 April and 1 July 2027 begin at 23:00 UTC the day before (summer time).
    public static readonly DateTime StartUtc = new(2027, 3, 31, 23, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime EndUtc = new(2027, 6, 30, 23, 0, 0, DateTimeKind.Utc);

    private readonly SqliteDatabase sqlite = SqliteDatabase.Create();

    public Database Database => sqlite.Database;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));

    /// <summary>An action as the test knows it: its review, type, recommendation, words, owner, due date, and every status given to it with its time.</summary>
    public sealed record Planned(string Review, string Type, string Recommendation, string Action, string Agency, DateOnly Due)
    {
        public List<(DateTime At, RagStatus Status)> Statuses { get; } = [];
    }

    public List<Planned> Plan { get; } = [];

    /// <summary>The three round actions the fixture confirmed: round, and per action its description and statuses.</summary>
    public string RoundId { get; private set; } = "";

    public List<(string ActionId, string CaseRef, List<(DateTime At, RagStatus Status)> Statuses)> RoundActions { get; } = [];

    /// <summary>A case reference of the register that an action's words mention (a published report must not show it).</summary>
    public string MentionedCase { get; private set; } = "";

    public int ProposedLeft { get; private set; }

    public async Task InitializeAsync()
    {
        await new YearSimulation(Database, Partnership, seed: 7).RunAsync(
            new YearSimulation.Options(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 7, 8, 0, 0, 0, DateTimeKind.Utc), 1200,
                Notifications: new DeepDive.Engine.Notifications.NotificationSettings { Folder = Path.Combine(Path.GetTempPath(), "deepdive-tests", "committee-" + Guid.NewGuid().ToString("N")) }),
            progress: null, CancellationToken.None);
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            MentionedCase = await connection.QueryFirstAsync<string>("SELECT case_ref FROM case_record WHERE partnership_id = 'demo' ORDER BY case_ref");
        }

        // March: the partnership's spreadsheet as it stood.
        await ImportAsync(FirstFile());
        await ConfirmRoundActionsAsync();
        // July: the next spreadsheet, some statuses dated in the period, some after its end.
        Clock.SetUtcNow(new DateTimeOffset(2027, 7, 3, 10, 0, 0, TimeSpan.Zero));
        await ImportAsync(SecondFile());
        // A third, with a status dated after the period's end: it must not change the status at its end.
        await ImportAsync([Row("Sam and Kyle", "Rapid review", "1.3", "Sam and Kyle action 17", "Police", new DateOnly(2027, 4 + 17 % 3, 10), RagStatus.Blue, new DateOnly(2027, 7, 2))]);
        var updates = new ActionUpdates(Database, new CalendarStore(Database, Clock), Clock);
        await updates.UpdateAsync(Partnership, RoundActions[2].ActionId, new ActionChange { Status = RagStatus.Blue, Evidence = "Refresher delivered on 1 July" }, "Pat Lead", CancellationToken.None);
        RoundActions[2].Statuses.Add((Clock.GetUtcNow().UtcDateTime, RagStatus.Blue));
        Clock.SetUtcNow(new DateTimeOffset(2027, 7, 7, 8, 30, 0, TimeSpan.Zero));
        ProposedLeft = (await new ActionStore(Database).ListAsync(Partnership, new ActionFilter { State = ActionState.Proposed }, CancellationToken.None)).Count;
    }

    public Task<CommitteeReport> ReportAsync(bool published) =>
        new CommitteeReportQuery(Database, new CaseReviewStore(Database, Clock), new ActionStore(Database), new CalendarStore(Database, Clock), Clock)
            .LoadAsync(Partnership, Period, published, CancellationToken.None);

    private List<string> FirstFile()
    {
        var rows = new List<string>();
        // Sam and Kyle: eighteen actions, all green in February.
        for (var i = 1; i <= 18; i++)
        {
            rows.Add(Row("Sam and Kyle", "Rapid review", $"1.{(i - 1) / 6 + 1}", $"Sam and Kyle action {i}", "Police", new DateOnly(2027, 4 + i % 3, 10), RagStatus.Green, new DateOnly(2027, 2, 1)));
        }

        rows.Add(Row("Child R", "LCSPR", "2.1 Make supervision reflective", "Audit supervision records in early help", "Early help", new DateOnly(2027, 5, 31), RagStatus.Green, new DateOnly(2027, 2, 10)));
        rows.Add(Row("Child R", "LCSPR", "2.1", "Train team managers in reflective supervision", "Children's social care", new DateOnly(2027, 9, 30), RagStatus.Amber, new DateOnly(2027, 2, 15)));
        rows.Add(Row("Child R", "LCSPR", "2.2 Hear the child's voice", "Write the child's views into every plan review", "Children's social care", new DateOnly(2027, 3, 31), RagStatus.Blue, null));
        // An older review whose actions were all complete before the period and none due in it: not in the report.
        rows.Add(Row("Old review", "serious case review", "4", "Close the old action plan", "Health", new DateOnly(2026, 12, 31), RagStatus.Blue, new DateOnly(2027, 1, 15)));
        rows.Add(Row("Old review", "serious case review", "4", "Archive the old review's papers", "Health", new DateOnly(2027, 2, 28), RagStatus.Blue, new DateOnly(2027, 2, 20)));
        // Baby T: many amber actions with long words, so that its table runs over a page, and one naming a case.
        rows.Add(Row("Baby T", "thematic", "3.1 Use the graded care profile", $"Review the plan for {MentionedCase} with the graded care profile", "Children's social care",
            new DateOnly(2027, 6, 30), RagStatus.Amber, new DateOnly(2027, 2, 1)));
        rows.Add(Row("Baby T", "thematic", "3.1", "Publish the toolkit at https://partnership.example/learning/briefings/2027/neglect-and-the-graded-care-profile-toolkit-for-early-help-practitioners-version-3.pdf",
            "Early help", new DateOnly(2027, 5, 15), RagStatus.Amber, new DateOnly(2027, 2, 1)));
        for (var i = 1; i <= 24; i++)
        {
            rows.Add(Row("Baby T", "thematic", $"3.{i % 4 + 2}", $"Baby T action {i}: embed the neglect strategy's learning in the {Agency(i)} induction, supervision and audit cycle, with a report to the subgroup",
                Agency(i), new DateOnly(2027, 4 + i % 3, 1 + i), i % 5 == 0 ? RagStatus.Red : RagStatus.Amber, new DateOnly(2027, 2, 1)));
        }

        return rows;
    }

    private List<string> SecondFile()
    {
        var rows = new List<string>();
        for (var i = 1; i <= 18; i++)
        {
            var status = i <= 10 ? RagStatus.Blue : i <= 16 ? RagStatus.Green : RagStatus.Amber;
            rows.Add(Row("Sam and Kyle", "Rapid review", $"1.{(i - 1) / 6 + 1}", $"Sam and Kyle action {i}", "Police", new DateOnly(2027, 4 + i % 3, 10), status, new DateOnly(2027, 6, 15)));
        }

        rows.Add(Row("Child R", "LCSPR", "2.1", "Audit supervision records in early help", "Early help", new DateOnly(2027, 5, 31), RagStatus.Red, new DateOnly(2027, 6, 1)));
        // New after the period: counts with its first status.
        rows.Add(Row("Child R", "LCSPR", "2.3 Share learning", "Run a learning event on supervision", "Children's social care", new DateOnly(2027, 12, 31), RagStatus.Amber, new DateOnly(2027, 7, 2)));
        return rows;
    }

    private static string Agency(int i) => (i % 3) switch { 0 => "Police", 1 => "Health", _ => "Education" };

    private string Row(string review, string type, string recommendation, string action, string agency, DateOnly due, RagStatus status, DateOnly? asAt)
    {
        var key = (review, recommendation.Split(' ')[0], action);
        var planned = Plan.FirstOrDefault(p => (p.Review, p.Recommendation.Split(' ')[0], p.Action) == key);
        if (planned is null)
        {
            Plan.Add(planned = new Planned(review, type, recommendation, action, agency, due));
        }

        // as_at is the start of that UK day; without it, the moment of the import.
        var at = asAt is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), UkTime.Zone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue))).UtcDateTime : Clock.GetUtcNow().UtcDateTime;
        planned.Statuses.Add((at, status));
        return string.Join(",", Csv(review), Csv(type), Csv(recommendation), Csv(action), Csv(agency), due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            RagStatuses.Name(status).ToUpperInvariant(), asAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
    }

    private static string Csv(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private async Task ImportAsync(List<string> rows)
    {
        var csv = "review,review_type,recommendation,action,owner_agency,due_date,status,as_at\n" + string.Join("\n", rows) + "\n";
        var result = await new ActionImporter(Database, Clock).ImportAsync(Partnership, new StringReader(csv), "plan.csv", CancellationToken.None);
        result.Errors.Should().BeEmpty();
    }

    /// <summary>A manager confirms three actions one round proposed, in May; one goes amber in June; one blue in July, after the period.</summary>
    private async Task ConfirmRoundActionsAsync()
    {
        var proposed = await new ActionStore(Database).ListAsync(Partnership, new ActionFilter { State = ActionState.Proposed }, CancellationToken.None);
        var round = proposed.GroupBy(a => a.RoundId!).First(g => g.Count() >= 3);
        RoundId = round.Key;
        var updates = new ActionUpdates(Database, new CalendarStore(Database, Clock), Clock);
        Clock.SetUtcNow(new DateTimeOffset(2027, 5, 20, 9, 0, 0, TimeSpan.Zero));
        foreach (var action in round.Take(3))
        {
            await updates.ConfirmAsync(Partnership, action.ActionId, new ActionChange { DueOn = new DateOnly(2027, 9, 30), OwnerName = "Pat Lead" }, "Morgan Manager", CancellationToken.None);
            RoundActions.Add((action.ActionId, action.CaseRef!, [(Clock.GetUtcNow().UtcDateTime, RagStatus.Green)]));
        }

        Clock.SetUtcNow(new DateTimeOffset(2027, 6, 10, 9, 0, 0, TimeSpan.Zero));
        await updates.UpdateAsync(Partnership, RoundActions[1].ActionId, new ActionChange { Status = RagStatus.Amber, Comment = "The trainer is off sick; rebooked for July" }, "Pat Lead", CancellationToken.None);
        RoundActions[1].Statuses.Add((Clock.GetUtcNow().UtcDateTime, RagStatus.Amber));
    }

    public Task DisposeAsync()
    {
        sqlite.Dispose();
        return Task.CompletedTask;
    }
}
