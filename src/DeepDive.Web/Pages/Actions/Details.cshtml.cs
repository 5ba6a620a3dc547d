using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Actions;

/// <summary>An action: where it comes from, what it is, its owner, due date, status, evidence and recovery plan, and every change of its status.</summary>
[Authorize(Policy = Policies.Actions)]
public sealed class DetailsModel(ActionDesk desk) : PageModel
{
    public ActionDesk.Opened Opened { get; private set; } = null!;

    public async Task OnGetAsync(string actionId, CancellationToken cancellationToken) =>
        Opened = await desk.OpenAsync(actionId, cancellationToken);
}
