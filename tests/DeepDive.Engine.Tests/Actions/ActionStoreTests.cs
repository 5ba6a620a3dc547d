using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Actions;

/// <summary>The review register and the action plan on SQLite and PostgreSQL: the same scenario, the same answers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ActionStoreTests(PostgresServer postgres)
{
    private const string Partnership = "p";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task On_Sqlite_owners_change_status_within_the_rules_and_every_change_is_kept()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await StatusChangesAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task On_Postgres_owners_change_status_within_the_rules_and_every_change_is_kept()
    {
        await StatusChangesAsync(await postgres.CreateMigratedDatabaseAsync());
    }

    [Fact]
    public async Task On_Sqlite_a_review_moves_through_its_statuses_with_its_reasons_and_dates()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await ReviewLifecycleAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task On_Postgres_a_review_moves_through_its_statuses_with_its_reasons_and_dates()
    {
        await ReviewLifecycleAsync(await postgres.CreateMigratedDatabaseAsync());
    }

    [Fact]
    public async Task On_Sqlite_a_proposed_action_is_confirmed_once_with_any_edits()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await ConfirmAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task On_Postgres_a_proposed_action_is_confirmed_once_with_any_edits()
    {
        await ConfirmAsync(await postgres.CreateMigratedDatabaseAsync());
    }

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2027, 6, 15, 9, 0, 0, TimeSpan.Zero));

    private static async Task<PlanAction> ImportOneAsync(Database database, TimeProvider clock, string due = "2027-09-30", string status = "green")
    {
        var result = await new ActionImporter(database, clock).ImportAsync(Partnership, new StringReader(
            "review,review_type,recommendation,action,owner_agency,due_date,status\n"
            + $"Sam and Kyle,rapid review,1.2 Improve the front door,Train MASH staff on neglect,Health,{due},{status}\n"), "plan.csv", Ct);
        result.Errors.Should().BeEmpty();
        return (await new ActionStore(database).ListAsync(Partnership, null, Ct)).Single();
    }

    private static async Task StatusChangesAsync(Database database)
    {
        var clock = Clock();
        var action = await ImportOneAsync(database, clock);
        var updates = new ActionUpdates(database, new CalendarStore(database, clock), clock);
        var store = new ActionStore(database);

        var amberWithoutComment = () => updates.UpdateAsync(Partnership, action.ActionId, new ActionChange { Status = RagStatus.Amber }, "Jo Owner", Ct);
        (await amberWithoutComment.Should().ThrowAsync<ActionRefusedException>()).Which.Problems
            .Should().Equal(new ActionProblem("comment", "Enter a comment saying why the action is amber"));

        clock.Advance(TimeSpan.FromDays(1));
        await updates.UpdateAsync(Partnership, action.ActionId, new ActionChange { Status = RagStatus.Amber, Comment = "Trainer off sick; new date in August" }, "Jo Owner", Ct);
        var blueWithoutEvidence = () => updates.UpdateAsync(Partnership, action.ActionId, new ActionChange { Status = RagStatus.Blue }, "Jo Owner", Ct);
        (await blueWithoutEvidence.Should().ThrowAsync<ActionRefusedException>()).Which.Problems.Single().Field.Should().Be("evidence");

        clock.Advance(TimeSpan.FromDays(1));
        var done = await updates.UpdateAsync(Partnership, action.ActionId,
            new ActionChange { Status = RagStatus.Blue, Evidence = "Attendance list: 34 of 36 MASH staff trained", OwnerName = "Jo Owner", OwnerEmail = "jo.owner@health.example" },
            "Jo Owner", Ct);

        done.Should().BeEquivalentTo(new { Status = RagStatus.Blue, Evidence = "Attendance list: 34 of 36 MASH staff trained", Owner = "Health: Jo Owner" });
        var stored = (await store.GetAsync(Partnership, action.ActionId, Ct))!;
        stored.Should().BeEquivalentTo(done, o => o.Excluding(a => a.CreatedUtc).Excluding(a => a.UpdatedUtc).Excluding(a => a.ConfirmedUtc));
        var history = await store.HistoryAsync(Partnership, action.ActionId, Ct);
        history.Select(h => (h.Status, h.ChangedBy, h.Reason, h.Evidence)).Should().Equal(
            (RagStatus.Green, "import", "Imported as green from plan.csv, line 2", null),
            (RagStatus.Amber, "Jo Owner", "Trainer off sick; new date in August", null),
            (RagStatus.Blue, "Jo Owner", null, "Attendance list: 34 of 36 MASH staff trained"));
        history.Select(h => h.AtUtc).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await store.ListAsync(Partnership, new ActionFilter { Status = RagStatus.Blue }, Ct)).Should().ContainSingle();
        (await store.ListAsync(Partnership, new ActionFilter { Status = RagStatus.Amber }, Ct)).Should().BeEmpty();
        (await store.OpenConfirmedAsync(Ct)).Should().BeEmpty("a complete action is not followed up");
    }

    private static async Task ReviewLifecycleAsync(Database database)
    {
        var clock = Clock();
        var action = await ImportOneAsync(database, clock);
        var reviews = new CaseReviewStore(database, clock);

        var onHoldWithoutReason = () => reviews.UpdateAsync(Partnership, action.ReviewId!, new ReviewChange { Status = ReviewStatus.OnHold }, "QA lead", Ct);
        await onHoldWithoutReason.Should().ThrowAsync<ArgumentException>().WithMessage("Enter why the review is on hold*");

        await reviews.UpdateAsync(Partnership, "Sam and Kyle", new ReviewChange
        {
            Status = ReviewStatus.OnHold, Reason = "Coroner's inquest", IncidentOn = new DateOnly(2026, 5, 4), RapidReviewOn = new DateOnly(2026, 5, 20),
        }, "QA lead", Ct);
        clock.Advance(TimeSpan.FromDays(30));
        await reviews.UpdateAsync(Partnership, action.ReviewId!, new ReviewChange { Status = ReviewStatus.AwaitingSignOff }, "QA lead", Ct);
        clock.Advance(TimeSpan.FromDays(10));
        var published = await reviews.UpdateAsync(Partnership, action.ReviewId!,
            new ReviewChange { Status = ReviewStatus.Published, SignedOffBy = "Safeguarding partnership executive", SignedOffOn = new DateOnly(2027, 7, 20) }, "QA lead", Ct);

        published.PublishedOn.Should().Be(new DateOnly(2027, 7, 25), "published without a date is published today");
        published.DaysToPublication.Should().Be(447);
        (await reviews.FindAsync(Partnership, "SAM AND  KYLE", Ct)).Should().Be(published);
        (await reviews.HistoryAsync(Partnership, action.ReviewId!, Ct)).Select(h => (h.Status, h.Reason, h.ChangedBy)).Should().Equal(
            (ReviewStatus.InProgress, "Added by the import of plan.csv, line 2", "import"),
            (ReviewStatus.OnHold, "Coroner's inquest", "QA lead"),
            (ReviewStatus.AwaitingSignOff, null, "QA lead"),
            (ReviewStatus.Published, null, "QA lead"));
    }

    private static async Task ConfirmAsync(Database database)
    {
        var clock = Clock();
        var store = new ActionStore(database);
        await new Partnerships.PartnershipStore(database, clock).EnsureAsync(Partnership, Partnership, Ct);
        var proposed = new PlanAction
        {
            ActionId = "A-proposed", PartnershipId = Partnership, Source = ActionSource.AuditRound, State = ActionState.Proposed, RoundId = "R1", TaskId = "T1",
            CaseRef = "CSC-1", Description = "Review neglect thresholds", OwnerAgency = "csc", DueOn = new DateOnly(2027, 9, 15),
            CreatedUtc = clock.GetUtcNow().UtcDateTime, UpdatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        await database.InTransactionAsync(async (c, t) =>
        {
            (await ActionStore.InsertAsync(database, c, t, proposed, "task:T1:0", 0, Ct)).Should().BeTrue();
            (await ActionStore.InsertAsync(database, c, t, proposed with { Description = "again" }, "task:T1:0", 0, Ct)).Should().BeFalse("the same recommendation is proposed once");
        }, Ct);
        var updates = new ActionUpdates(database, new CalendarStore(database, clock), clock);

        var beforeConfirming = () => updates.UpdateAsync(Partnership, "A-proposed", new ActionChange { Status = RagStatus.Amber, Comment = "x" }, "Jo", Ct);
        (await beforeConfirming.Should().ThrowAsync<ActionRefusedException>()).Which.Message.Should().Contain("deepdive action confirm A-proposed");
        (await store.OpenConfirmedAsync(Ct)).Should().BeEmpty("a proposed action is not followed up");

        var confirmed = await updates.ConfirmAsync(Partnership, "A-proposed",
            new ActionChange { Description = "Review the neglect thresholds with the MASH", DueOn = new DateOnly(2027, 10, 29), OwnerName = "Pat Lead" }, "Morgan Manager", Ct);

        confirmed.Should().BeEquivalentTo(new
        {
            State = ActionState.Confirmed, Status = RagStatus.Green, Description = "Review the neglect thresholds with the MASH",
            DueOn = new DateOnly(2027, 10, 29), OwnerName = "Pat Lead", ConfirmedBy = "Morgan Manager",
        });
        (await store.HistoryAsync(Partnership, "A-proposed", Ct)).Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Status = RagStatus.Green, ChangedBy = "Morgan Manager", Reason = "Confirmed", Automatic = false });
        var again = () => updates.ConfirmAsync(Partnership, "A-proposed", new ActionChange(), "Morgan Manager", Ct);
        (await again.Should().ThrowAsync<ActionRefusedException>()).Which.Message.Should().Contain("was confirmed on 15 June 2027 by Morgan Manager");
        (await store.OpenConfirmedAsync(Ct)).Select(a => a.ActionId).Should().Equal("A-proposed");
    }
}
