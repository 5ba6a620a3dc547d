using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Tasks;

/// <summary>"Your tasks": an auditor's deep-dive tasks (managers and moderators: every task of the partnership), to do or submitted, 25 a page.</summary>
[Authorize(Policy = Policies.Tasks)]
public sealed class IndexModel(TaskDesk desk, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public TaskDesk.TaskList List { get; private set; } = null!;

    /// <summary>Managers and moderators see everyone's tasks, so each row names its auditor.</summary>
    public bool ShowsAuditor => user.Role is not Domain.Users.Role.Auditor;

    // "page" is also the route value naming the Razor page, so the query's is asked for by name.
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken) =>
        List = await desk.ListAsync(Show == "submitted", pageNumber, cancellationToken);

    public string PageUrl(int page) => "/tasks" + (List.Submitted, page) switch
    {
        (false, 1) => "",
        (false, _) => $"?page={page}",
        (true, 1) => "?show=submitted",
        (true, _) => $"?show=submitted&page={page}",
    };
}
