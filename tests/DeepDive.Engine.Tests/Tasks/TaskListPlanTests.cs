using Dapper;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Tasks;

/// <summary>
/// An auditor's lists of tasks are read through ix_audit_task_auditor, never by reading every task of the partnership:
/// with a few years of tasks (deepdive bench web: 100,000) a page that scans them takes seconds. SQLite's own plan says which.
/// </summary>
public sealed class TaskListPlanTests
{
    private const string AuditorIndex = "USING INDEX ix_audit_task_auditor (partnership_id=? AND auditor_id=?";

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public async Task An_auditors_page_of_tasks_seeks_their_tasks_in_the_auditor_index(bool openRoundsOnly, bool submitted)
    {
        var plan = await PlanAsync($"SELECT COUNT(*) {AuditorTaskQuery.From(new("p", "A1", openRoundsOnly, submitted))}");

        plan.Should().Contain(p => p.Contains("SEARCH t " + AuditorIndex, StringComparison.Ordinal), string.Join("\n", plan));
        plan.Should().NotContain(p => p.StartsWith("SCAN t", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_task_boards_list_of_an_auditor_seeks_their_tasks_in_the_auditor_index(bool openOnly)
    {
        var plan = await PlanAsync(TaskBoard.ListSql(ofAuditor: true, openOnly));

        plan.Should().Contain(p => p.Contains("SEARCH audit_task " + AuditorIndex, StringComparison.Ordinal), string.Join("\n", plan));
    }

    private static async Task<IReadOnlyList<string>> PlanAsync(string sql)
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>($"EXPLAIN QUERY PLAN {sql}", new
        {
            PartnershipId = "p", AuditorId = "A1", Closed = "closed", SubmittedStatus = "submitted", Open = "open", Unassigned = "unassigned",
            EventName = "task-submitted", Submitted = 0,
        });
        return [.. rows.Select(r => r.Detail)];
    }
}
