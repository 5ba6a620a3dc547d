using Dapper;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Import;

namespace DeepDive.Engine.Tests.Actions;

public sealed class ActionImporterTests : IDisposable
{
    private const string Partnership = "northshire";
    private const string Header = "review,review_type,recommendation,action,owner_agency,due_date,status";

    private readonly TempSqliteDatabase db = new();
    private readonly ActionImporter importer;
    private readonly ActionStore actions;
    private readonly CaseReviewStore reviews;

    public ActionImporterTests()
    {
        // Tuesday 15 June 2027, 10:00 UK time.
        db.Clock.SetUtcNow(new DateTimeOffset(2027, 6, 15, 9, 0, 0, TimeSpan.Zero));
        importer = new ActionImporter(db.Database, db.Clock);
        actions = new ActionStore(db.Database);
        reviews = new CaseReviewStore(db.Database, db.Clock);
    }

    public void Dispose() => db.Dispose();

    private static string File(params string[] lines) => string.Join("\n", lines) + "\n";

    private Task<ActionImportResult> Import(string csv, string source = "actions.csv") =>
        importer.ImportAsync(Partnership, new StringReader(csv), source, CancellationToken.None);

    private static readonly string GoodFile = File(
        Header + ",as_at",
        "Sam and Kyle,Rapid review,1.1 Share chronologies at strategy meetings,Add chronology sharing to the strategy meeting template,Children's social care,2027-03-31,Blue,2027-04-01",
        "Sam and Kyle,rapid review,1.1,Audit 20 strategy meetings for shared chronologies,Police,2027-05-31,green,",
        "Sam and Kyle,RAPID REVIEW,1.2 Improve the front door,\"Train MASH staff on neglect, including the graded care profile\",Health,2027-09-30,AMBER,2027-06-01",
        "Child R,LCSPR,Supervision,Quarterly supervision audit in early help,Early help,2027-12-31,red,2027-06-14");

    [Fact]
    public async Task A_good_file_adds_its_reviews_recommendations_and_actions_with_their_statuses_dated_as_at()
    {
        var result = await Import(GoodFile);

        result.Errors.Should().BeEmpty();
        result.Should().BeEquivalentTo(new { ReviewsAdded = 2, RecommendationsAdded = 3, ActionsAdded = 4, ActionsChanged = 0, StatusChanges = 0 });
        var registered = await reviews.ListAsync(Partnership, CancellationToken.None);
        registered.Select(r => (r.Name, r.Type, r.Status)).Should().Equal(
            ("Child R", ReviewType.PracticeReview, ReviewStatus.InProgress), ("Sam and Kyle", ReviewType.RapidReview, ReviewStatus.InProgress));
        var samAndKyle = registered[1];
        (await reviews.RecommendationsAsync(Partnership, samAndKyle.ReviewId, CancellationToken.None)).Select(r => (r.Number, r.Wording))
            .Should().Equal(("1.1", "Share chronologies at strategy meetings"), ("1.2", "Improve the front door"));

        var all = await actions.ListAsync(Partnership, null, CancellationToken.None);
        all.Select(a => (a.ReviewName, a.RecommendationText, a.Description, a.OwnerAgency, a.DueOn, a.Status, a.State)).Should().Equal(
            ("Child R", "Supervision", "Quarterly supervision audit in early help", "Early help", new DateOnly(2027, 12, 31), RagStatus.Red, ActionState.Confirmed),
            ("Sam and Kyle", "1.1 Share chronologies at strategy meetings", "Add chronology sharing to the strategy meeting template", "Children's social care",
                new DateOnly(2027, 3, 31), RagStatus.Blue, ActionState.Confirmed),
            ("Sam and Kyle", "1.1 Share chronologies at strategy meetings", "Audit 20 strategy meetings for shared chronologies", "Police",
                new DateOnly(2027, 5, 31), RagStatus.Green, ActionState.Confirmed),
            ("Sam and Kyle", "1.2 Improve the front door", "Train MASH staff on neglect, including the graded care profile", "Health",
                new DateOnly(2027, 9, 30), RagStatus.Amber, ActionState.Confirmed));

        var blue = await actions.HistoryAsync(Partnership, all[1].ActionId, CancellationToken.None);
        // as_at 1 April 2027 dates the status from the start of that UK day (midnight BST is 23:00 UTC the day before).
        blue.Should().ContainSingle().Which.Should().Be(new ActionStatusEntry(1, RagStatus.Blue, new DateTime(2027, 3, 31, 23, 0, 0, DateTimeKind.Utc),
            db.Clock.GetUtcNow().UtcDateTime, "import", "Imported as blue from actions.csv, line 2", null, false));
        (await actions.HistoryAsync(Partnership, all[2].ActionId, CancellationToken.None)).Single().AtUtc
            .Should().Be(db.Clock.GetUtcNow().UtcDateTime, "without as_at the status is dated the moment of the import");
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        (await Import(GoodFile)).Succeeded.Should().BeTrue();
        var before = await SnapshotAsync();
        db.Clock.Advance(TimeSpan.FromDays(3));

        var again = await Import(GoodFile, "a copy of actions.csv");

        again.Errors.Should().BeEmpty();
        again.ChangedNothing.Should().BeTrue();
        (await SnapshotAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task A_later_spreadsheet_records_only_what_changed_and_the_history_tells_each_dates_status()
    {
        (await Import(GoodFile)).Succeeded.Should().BeTrue();
        db.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 5, 9, 0, 0, TimeSpan.Zero));

        var later = await Import(File(
            Header + ",as_at",
            "Sam and Kyle,LCSPR,1.2,\"Train MASH staff on neglect,  including the graded care profile\",Health,2027-10-31,green,2027-07-01",
            "Child R,LCSPR,Supervision,Quarterly supervision audit in early help,Early help,2027-12-31,Red,2027-07-01"));

        later.Errors.Should().BeEmpty();
        later.Should().BeEquivalentTo(new { ReviewsAdded = 0, ReviewsChanged = 1, RecommendationsAdded = 0, ActionsAdded = 0, ActionsChanged = 1, StatusChanges = 1 });
        var training = (await actions.ListAsync(Partnership, new ActionFilter { Agency = "health" }, CancellationToken.None)).Single();
        training.Should().BeEquivalentTo(new { Status = RagStatus.Green, DueOn = new DateOnly(2027, 10, 31), ReviewName = "Sam and Kyle" });
        var history = await actions.HistoryAsync(Partnership, training.ActionId, CancellationToken.None);
        history.Select(h => h.Status).Should().Equal(RagStatus.Amber, RagStatus.Green);
        StatusHistory.InForceBefore(history, h => h.AtUtc, new DateTime(2027, 6, 30, 23, 0, 0, DateTimeKind.Utc))!.Status.Should().Be(RagStatus.Amber);
        (await reviews.FindAsync(Partnership, "sam and kyle", CancellationToken.None))!.Type.Should().Be(ReviewType.PracticeReview);
    }

    [Fact]
    public async Task An_earlier_snapshot_imported_after_a_later_one_goes_into_the_history_before_it()
    {
        (await Import(File(Header + ",as_at", "Child R,LCSPR,Supervision,Quarterly audit,Early help,2027-12-31,green,2027-06-14"))).Succeeded.Should().BeTrue();

        var earlier = await Import(File(Header + ",as_at", "Child R,LCSPR,Supervision,Quarterly audit,Early help,2027-12-31,amber,2027-03-31"));

        earlier.StatusChanges.Should().Be(1);
        var action = (await actions.ListAsync(Partnership, null, CancellationToken.None)).Single();
        action.Status.Should().Be(RagStatus.Green, "the later status stays the current one");
        (await actions.HistoryAsync(Partnership, action.ActionId, CancellationToken.None)).Select(h => h.Status).Should().Equal(RagStatus.Amber, RagStatus.Green);
        (await Import(File(Header + ",as_at", "Child R,LCSPR,Supervision,Quarterly audit,Early help,2027-12-31,amber,2027-04-15"))).ChangedNothing
            .Should().BeTrue("the history already says amber on 15 April");
    }

    [Fact]
    public async Task Each_kind_of_bad_line_is_reported_with_its_line_and_column_and_nothing_is_stored()
    {
        var result = await Import(File(
            Header + ",as_at",
            "Sam and Kyle,rapid review,1.1,Add chronology sharing,Children's social care,2027-03-31,blue,",
            "Sam and Kyle,rapid review,1.1,Audit strategy meetings,Police,2027-05-31,purple,",
            "Sam and Kyle,rapid review,1.2,Train MASH staff,Health,2027-02-30,amber,",
            "Sam and Kyle,rapid review,1.2,,Health,2027-09-30,amber,",
            "Sam and Kyle,Rapid Review,1.1, add  chronology SHARING ,Children's social care,2027-03-31,green,",
            "Child R,domestic homicide review,Supervision,Audit supervision,Early help,2027-12-31,red,2027-07-01",
            "Child R,LCSPR,Supervision,Audit supervision again,Early help,31/12/2027,red,"));

        result.Succeeded.Should().BeFalse();
        result.Errors.Select(e => e.ToString()).Should().Equal(
            "line 3, column status: 'purple' is not a status; use red, amber, green or blue (in any case)",
            "line 4, column due_date: '2027-02-30' is not a date in the form yyyy-MM-dd",
            "line 5, column action: a value is required",
            "line 6, column action: the same action as line 2 (the review, recommendation and action all match); each action may appear only once in a file",
            "line 7, column review_type: 'domestic homicide review' is not a review type; use rapid review, LCSPR (local child safeguarding practice review), serious case review, thematic review or peer review",
            "line 7, column as_at: 2027-07-01 is after today (2027-06-15); a status cannot be dated in the future",
            "line 8, column due_date: '31/12/2027' is not a date in the form yyyy-MM-dd");
        (await SnapshotAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_column_is_named_and_nothing_is_stored()
    {
        var result = await Import(File(
            "review,review_type,recommendation,action,owner_agency,due_date",
            "Sam and Kyle,rapid review,1.1,Add chronology sharing,Children's social care,2027-03-31"));

        result.Errors.Select(e => e.ToString()).Should().Equal("line 1, column status: missing column");
        (await SnapshotAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Rows_of_one_review_must_agree_on_its_type_and_its_recommendations_words()
    {
        var result = await Import(File(
            Header,
            "Sam and Kyle,rapid review,1.1 Share chronologies,Add chronology sharing,Children's social care,2027-03-31,blue",
            "Sam and Kyle,thematic review,1.1 Share plans,Audit strategy meetings,Police,2027-05-31,green"));

        result.Errors.Select(e => e.ToString()).Should().Equal(
            "line 3, column review_type: 'Sam and Kyle' is a rapid review on line 2; a review has one type",
            "line 3, column recommendation: recommendation 1.1 of 'Sam and Kyle' reads differently on line 2; give it the same words, or only its number");
    }

    /// <summary>Every row the import can write, as text, so two states of the database can be compared.</summary>
    private async Task<IReadOnlyList<string>> SnapshotAsync()
    {
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        var rows = new List<string>();
        foreach (var (table, order) in new[]
        {
            ("case_review", "review_id"), ("case_review_status", "review_id, position"), ("recommendation", "recommendation_id"),
            ("plan_action", "action_id"), ("action_status", "action_id, position"),
        })
        {
            var found = await connection.QueryAsync($"SELECT * FROM {table} ORDER BY {order}");
            rows.AddRange(found.Select(r => table + ": " + string.Join("|", ((IDictionary<string, object?>)r).Select(kv => $"{kv.Key}={kv.Value}"))));
        }

        return rows;
    }
}
