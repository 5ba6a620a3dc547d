using DeepDive.Web.Pages.Actions;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Reviews;

/// <summary>A case review: its details, status history, and its recommendations as the review numbers them, each with its actions.</summary>
[Authorize(Policy = Policies.Actions)]
public sealed class DetailsModel(ActionDesk desk) : PageModel
{
    public ActionDesk.OpenedReview Opened { get; private set; } = null!;

    public async Task OnGetAsync(string reviewId, CancellationToken cancellationToken) => Opened = await desk.OpenReviewAsync(reviewId, cancellationToken);
}
