using DeepDive.Web.Pages.Actions;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Reviews;

/// <summary>The register of case reviews: type, status (with the reason when on hold), dates, time from incident to publication, actions.</summary>
[Authorize(Policy = Policies.Actions)]
public sealed class IndexModel(ActionDesk desk) : PageModel
{
    public IReadOnlyList<ActionDesk.ListedReview> Reviews { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reviews = await desk.ReviewsAsync(cancellationToken);
}
