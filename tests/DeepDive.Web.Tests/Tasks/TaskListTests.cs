using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Tasks;

public sealed class TaskListTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    private static IReadOnlyList<string[]> Rows(BrowserClient.Page page) =>
        [.. page.Document.QuerySelectorAll("main table tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray())];

    [Fact]
    public async Task An_auditor_sees_only_their_own_open_tasks_with_case_agency_round_due_date_and_status()
    {
        using var client = await App.SignedInAsync(App.People.Auditor);
        var own = await TaskData.OpenTasksAsync(App, App.People.AuditorId, withoutSubmitted: true);
        var others = await TaskData.OpenTasksAsync(App, App.People.OtherAuditorId);

        var page = await client.GetAsync("/tasks");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("h1")!.TextContent.Should().Be("Your tasks");
        page.Document.QuerySelectorAll("main thead th").Select(h => h.TextContent.Trim()).Should()
            .Equal("Case reference", "Agency", "Round", "Due date", "Status");
        var links = page.Document.QuerySelectorAll("main tbody th a").Select(a => a.GetAttribute("href")).ToList();
        links.Should().Equal(own.Select(id => TaskData.Url(id)), "only the auditor's own tasks, earliest due first");
        links.Should().NotIntersectWith(others.Select(id => TaskData.Url(id)));
        var first = Rows(page)[0];
        first[0].Should().Be(own[0].Split('/')[1], "the case reference");
        first[1].Should().Be("csc");
        first[2].Should().Contain("multi-agency deep dive").And.Contain("Theme:");
        first[3].Should().MatchRegex(@"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 2027$");
        first[4].Should().Be("Open", "the demo's tasks are due in 2027, after today");
    }

    [Fact]
    public async Task Overdue_tasks_come_first_then_those_due_within_five_working_days_then_the_rest_each_tagged()
    {
        using var client = await App.SignedInAsync(App.People.OtherAuditor);
        var tasks = await TaskData.OpenTasksAsync(App, App.People.OtherAuditorId);
        tasks.Should().HaveCountGreaterThanOrEqualTo(3);
        var now = DateTime.UtcNow;
        // The last in due order becomes overdue and the middle one due in two days (at most two working days plus a weekend).
        await TaskData.SetDueAsync(App, tasks[^1], now.AddDays(-1));
        await TaskData.SetDueAsync(App, tasks[1], now.AddDays(2));

        var rows = Rows(await client.GetAsync("/tasks")).Take(3).ToList();

        rows.Select(r => r[0]).Should().Equal(tasks[^1].Split('/')[1], tasks[1].Split('/')[1], tasks[0].Split('/')[1]);
        rows.Select(r => r[^1]).Should().Equal("Overdue", "Due soon", "Open");
    }

    [Fact]
    public async Task Managers_see_every_open_task_of_the_partnership_with_its_auditor_25_to_a_page()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var first = await client.GetAsync("/tasks");
        var second = await client.GetAsync("/tasks?page=2");

        first.Document.QuerySelector("h1")!.TextContent.Should().Be("Deep-dive tasks");
        first.Document.QuerySelectorAll("main thead th").Select(h => h.TextContent.Trim()).Should()
            .Equal("Case reference", "Agency", "Round", "Auditor", "Due date", "Status");
        var firstRows = Rows(first);
        var secondRows = Rows(second);
        firstRows.Should().HaveCount(25);
        secondRows.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(25);
        firstRows.Concat(secondRows).Select(r => r[3]).Should().Contain(await TaskData.AuditorNameAsync(App, App.People.AuditorId))
            .And.Contain(await TaskData.AuditorNameAsync(App, App.People.OtherAuditorId));
        var links = (BrowserClient.Page page) => page.Document.QuerySelectorAll("main tbody th a").Select(a => a.GetAttribute("href")).ToList();
        links(first).Should().NotIntersectWith(links(second));
        var pagination = first.Document.QuerySelector("nav.govuk-pagination")!;
        pagination.QuerySelector("[aria-current=page]")!.TextContent.Should().Be("1");
        pagination.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href").Should().Be("/tasks?page=2");
        first.Document.QuerySelector(".govuk-pagination__prev").Should().BeNull();
        second.Document.QuerySelector(".govuk-pagination__prev a")!.GetAttribute("href").Should().Be("/tasks");
        second.Document.QuerySelector(".govuk-pagination__next").Should().BeNull();
        second.Document.QuerySelector("main caption")!.TextContent.Should().Contain($"{25 + secondRows.Count} tasks, page 2 of 2");

        (await client.GetAsync("/tasks?page=3")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_submitted_tab_lists_work_sent_in_open_rounds_and_not_that_of_closed_rounds()
    {
        using var client = await App.SignedInAsync(App.People.Auditor);
        var closed = await TaskData.ClosedRoundTaskAsync(App, App.People.AuditorId);
        var task = (await TaskData.OpenTasksAsync(App, App.People.AuditorId))[^1];
        using var api = await App.ApiAsAsync(App.People.Auditor);
        (await api.PostAsync(TaskData.ApiUrl(task, "answers"), TaskData.Json(TaskData.CompleteAnswers))).EnsureSuccessStatusCode();

        var submitted = await client.GetAsync("/tasks?show=submitted");

        submitted.Document.QuerySelector(".govuk-tabs__list-item--selected")!.TextContent.Trim().Should().Be("Submitted");
        var links = submitted.Document.QuerySelectorAll("main tbody th a").Select(a => a.GetAttribute("href")).ToList();
        links.Should().Contain(TaskData.Url(task)).And.NotContain(TaskData.Url(closed));
        Rows(submitted).Single(r => r[0] == task.Split('/')[1])[^1].Should().Be("Submitted");
        (await client.GetAsync("/tasks")).Document.QuerySelectorAll("main tbody th a").Select(a => a.GetAttribute("href"))
            .Should().NotContain(TaskData.Url(task), "a submitted task is no longer to do");
    }

    [Fact]
    public async Task Viewers_and_schools_cannot_see_tasks_and_another_partnership_sees_none_of_these()
    {
        foreach (var email in new[] { App.People.Viewer, App.People.School })
        {
            using var client = await App.SignedInAsync(email);
            var page = await client.GetAsync("/tasks");
            page.Status.Should().Be(HttpStatusCode.Redirect, email);
            page.Location.Should().Contain("/forbidden");
            (await client.GetAsync(page.Location!)).Document.QuerySelector("h1")!.TextContent.Should().Be("You cannot see this page");
        }

        using var other = await App.SignedInAsync(App.People.OtherPartnershipManager);
        var empty = await other.GetAsync("/tasks");
        empty.Status.Should().Be(HttpStatusCode.OK);
        empty.Document.QuerySelectorAll("main tbody tr").Should().BeEmpty();
        empty.Text.Should().Contain("There are no tasks to do.");
    }

    [Fact]
    public async Task Seeing_the_list_is_written_to_the_access_log()
    {
        using var client = await App.SignedInAsync(App.People.Moderator);

        await client.GetAsync("/tasks?page=2");

        var entries = await TaskData.AccessLogAsync(App, App.People.Moderator, "to do");
        entries.Should().ContainSingle().Which.Detail.Should().StartWith("page 2 of 2: ");
    }
}
