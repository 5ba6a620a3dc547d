using Dapper;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Storage;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Actions;

/// <summary>
/// A small action plan for the demo partnership (which has none of its own), imported as <c>deepdive import actions</c>
/// does (<see cref="ActionImporter"/>), with actions owned by <see cref="DemoPartnership.People.AuditorId"/>'s agency and
/// by another, and a proposed action of an audit round (from its closed round's task) for a manager to confirm.
/// </summary>
public sealed record ActionData(
    string Agency, string OtherAgency, string ReviewId, string OtherReviewId,
    string OwnOverdueId, string OwnOnTrackId, string OtherAgencyId, string OtherOverdueId, string ProposedId)
{
    public const string Review = "Sam and Kyle";
    public const string OtherReview = "Child R";
    public const string OwnOverdue = "Add chronology sharing to the strategy meeting template";
    public const string OwnOnTrack = "Train front door staff on neglect";
    public const string OtherAgencyAction = "Audit 20 strategy meetings for shared chronologies";
    public const string OtherOverdue = "Publish a partnership information sharing protocol";
    public const string Proposed = "Review the use of chronologies in child in need plans";

    public static async Task<ActionData> ImportAsync(IServiceProvider services, DemoPartnership.People people)
    {
        var agency = await services.GetRequiredService<AuditorStore>().AgencyOfAsync(DemoPartnership.Id, people.AuditorId, CancellationToken.None)
            ?? throw new InvalidOperationException("The demo auditor has no agency");
        var other = string.Equals(agency, "Police", StringComparison.OrdinalIgnoreCase) ? "Health" : "Police";
        var csv = $"""
            review,review_type,recommendation,action,owner_agency,due_date,status
            {Review},Rapid review,1.1 Share chronologies at every strategy meeting,{OwnOverdue},{agency},2026-09-30,amber
            {Review},Rapid review,1.1,{OtherAgencyAction},{other},2027-12-31,green
            {Review},Rapid review,1.2 Strengthen the response to neglect at the front door,{OwnOnTrack},{agency},2027-11-30,green
            {OtherReview},LCSPR,1 Improve information sharing,{OtherOverdue},{other},2026-10-31,red
            """;
        var result = await services.GetRequiredService<ActionImporter>().ImportAsync(DemoPartnership.Id, new StringReader(csv), "plan.csv", CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }

        var actions = services.GetRequiredService<ActionStore>();
        var proposedId = await ProposeAsync(services, people, agency);
        var all = await actions.ListAsync(DemoPartnership.Id, null, CancellationToken.None);
        string IdOf(string description) => all.Single(a => a.Description == description).ActionId;
        var reviews = services.GetRequiredService<CaseReviewStore>();
        async Task<string> ReviewIdOf(string name) => (await reviews.FindAsync(DemoPartnership.Id, name, CancellationToken.None))!.ReviewId;
        return new ActionData(agency, other, await ReviewIdOf(Review), await ReviewIdOf(OtherReview),
            IdOf(OwnOverdue), IdOf(OwnOnTrack), IdOf(OtherAgencyAction), IdOf(OtherOverdue), proposedId);
    }

    /// <summary>A proposed action from a closed round's task of the auditor's agency, as the round's closing would make it.</summary>
    private static async Task<string> ProposeAsync(IServiceProvider services, DemoPartnership.People people, string agency)
    {
        var database = services.GetRequiredService<Database>();
        (string RoundId, string TaskId, string CaseRef) task;
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            task = await connection.QueryFirstAsync<(string, string, string)>("""
                SELECT t.round_id, t.task_id, t.case_ref FROM audit_task t JOIN audit_round r ON r.round_id = t.round_id
                 WHERE t.partnership_id = 'demo' AND r.status = 'closed' AND t.auditor_id = @AuditorId ORDER BY t.task_id
                """, new { people.AuditorId });
        }

        var proposals = RoundActions.Propose(task.RoundId,
            [new ActionStore.TaskRecommendations(DemoPartnership.Id, task.TaskId, agency, task.CaseRef, [Proposed])],
            new DateTimeOffset(2027, 6, 30, 12, 0, 0, TimeSpan.Zero), 3);
        var actions = services.GetRequiredService<ActionStore>();
        await database.WriteAsync((connection, transaction, ct) => actions.ProposeAsync(connection, transaction, proposals, ct), CancellationToken.None);
        return proposals[0].Action.ActionId;
    }

    /// <summary>The case reference of the proposed action (never to be shown to a viewer or an auditor).</summary>
    public static async Task<string> CaseRefOfAsync(IServiceProvider services, string actionId) =>
        (await services.GetRequiredService<ActionStore>().GetAsync(DemoPartnership.Id, actionId, CancellationToken.None))!.CaseRef!;
}
