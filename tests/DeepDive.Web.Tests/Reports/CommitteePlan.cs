using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Storage;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Web.Tests.Reports;

/// <summary>
/// A small action plan for the committee report, imported into a copy of the demo partnership (which has no case
/// reviews) as a partnership's spreadsheet would be: in March, then again in July with a status dated after the period.
/// What the report must say about it at the end of <see cref="Period"/> is worked out here by hand.
/// </summary>
public static class CommitteePlan
{
    public static readonly ReportingPeriod Period = new(new DateOnly(2027, 4, 1), new DateOnly(2027, 6, 30));

    /// <summary>The period in UTC, by hand: 1 April and 1 July 2027 begin at 23:00 UTC the day before (summer time).</summary>
    public static readonly DateTime StartUtc = new(2027, 3, 31, 23, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime EndUtc = new(2027, 6, 30, 23, 0, 0, DateTimeKind.Utc);

    /// <summary>The period as the page's query string gives it (the date inputs' boxes).</summary>
    public const string Query = "From.Day=1&From.Month=4&From.Year=2027&To.Day=30&To.Month=6&To.Year=2027";

    public const string SamAndKyle = "Sam and Kyle";
    public const string ChildR = "Child R";
    public const string OldReview = "Old review";

    /// <summary>At the period's end: green, blue, amber (naming a case), red and overdue.</summary>
    public const string SamAndKyleSentence = "4 actions: 2 green or blue, 1 amber, 1 red";

    /// <summary>At the period's end: amber (made blue in July, after it), and blue.</summary>
    public const string ChildRSentence = "2 actions: 1 green or blue, 1 amber";

    public const string ReviewActionsSentence = "6 actions: 3 green or blue, 2 amber, 1 red";

    public const string OverdueRedAction = "Train MASH staff on neglect";

    /// <summary>Imports the plan; returns the case reference of the register that one action's words name.</summary>
    public static async Task<string> ImportAsync(IServiceProvider services)
    {
        var database = services.GetRequiredService<Database>();
        var caseRef = await ScalarAsync(database, "SELECT case_ref FROM case_record WHERE partnership_id = 'demo' ORDER BY case_ref");
        // The statuses are dated in 2027; the importer refuses a date after its today.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 5, 10, 0, 0, TimeSpan.Zero));
        var importer = new ActionImporter(database, clock);
        await ImportAsync(importer, $"""
            {SamAndKyle},Rapid review,1.1 Share chronologies at every strategy meeting,Add chronology sharing to the strategy meeting template,Police,2027-05-31,green,2027-02-01
            {SamAndKyle},Rapid review,1.1,Audit 20 strategy meetings for shared chronologies,Police,2027-06-15,green,2027-02-01
            {SamAndKyle},Rapid review,1.2 Strengthen the response to neglect,Review the plan for {caseRef} with the graded care profile,Children's social care,2027-06-30,amber,2027-03-01
            {SamAndKyle},Rapid review,1.2,{OverdueRedAction},Health,2027-04-30,green,2027-02-01
            {ChildR},LCSPR,2.1 Make supervision reflective,Train team managers in reflective supervision,Children's social care,2027-09-30,amber,2027-02-15
            {ChildR},LCSPR,2.2 Hear the child's voice,Write the child's views into every plan review,Children's social care,2027-03-31,blue,2027-03-01
            {OldReview},serious case review,4,Close the old action plan,Health,2026-12-31,blue,2027-01-15
            """);
        clock.SetUtcNow(new DateTimeOffset(2027, 7, 7, 10, 0, 0, TimeSpan.Zero));
        await ImportAsync(importer, $"""
            {SamAndKyle},Rapid review,1.1,Audit 20 strategy meetings for shared chronologies,Police,2027-06-15,blue,2027-05-20
            {SamAndKyle},Rapid review,1.2,{OverdueRedAction},Health,2027-04-30,red,2027-05-10
            {ChildR},LCSPR,2.1,Train team managers in reflective supervision,Children's social care,2027-09-30,blue,2027-07-03
            """);
        return caseRef;
    }

    private static async Task ImportAsync(ActionImporter importer, string rows)
    {
        var csv = "review,review_type,recommendation,action,owner_agency,due_date,status,as_at\n" + rows + "\n";
        var result = await importer.ImportAsync(DemoPartnership.Id, new StringReader(csv), "plan.csv", CancellationToken.None);
        result.Errors.Should().BeEmpty();
    }

    private static async Task<string> ScalarAsync(Database database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, sql) ?? throw new InvalidOperationException("The demo register is empty.");
    }
}
