using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Web.Components;
using DeepDive.Web.Pages.Actions;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Reviews;

/// <summary>
/// A manager changes a review: its status (on hold needs its reason; every change is kept), its incident and rapid
/// review dates, the governance sign-off (who, when) and the publication date. Dates left empty stay as they were.
/// </summary>
[Authorize(Policy = Policies.Manage)]
public sealed class UpdateModel(ActionDesk desk) : PageModel
{
    public sealed class ReviewInput
    {
        public string? Status { get; set; }

        public string? Reason { get; set; }

        public DateInput IncidentOn { get; set; } = new();

        public DateInput RapidReviewOn { get; set; } = new();

        public string? SignedOffBy { get; set; }

        public DateInput SignedOffOn { get; set; } = new();

        public DateInput PublishedOn { get; set; } = new();
    }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public CaseReview Review { get; private set; } = null!;

    public async Task OnGetAsync(string reviewId, CancellationToken cancellationToken)
    {
        Review = (await desk.OpenReviewAsync(reviewId, cancellationToken)).Review;
        Input = new ReviewInput
        {
            Status = ReviewStatuses.Name(Review.Status),
            Reason = Review.StatusReason,
            IncidentOn = Of(Review.IncidentOn),
            RapidReviewOn = Of(Review.RapidReviewOn),
            SignedOffBy = Review.SignedOffBy,
            SignedOffOn = Of(Review.SignedOffOn),
            PublishedOn = Of(Review.PublishedOn),
        };
    }

    public async Task<IActionResult> OnPostAsync(string reviewId, CancellationToken cancellationToken)
    {
        Review = (await desk.OpenReviewAsync(reviewId, cancellationToken, logView: false)).Review;
        if (!ReviewStatuses.TryParse(Input.Status, out var status))
        {
            ModelState.AddModelError("Input.Status", "Select the review's status");
        }
        else if (ReviewStatuses.Problem(status, Input.Reason) is { } problem)
        {
            ModelState.AddModelError("Input.Reason", problem);
        }

        var incident = Read(Input.IncidentOn, "Input.IncidentOn", "Incident date");
        var rapid = Read(Input.RapidReviewOn, "Input.RapidReviewOn", "Rapid review date");
        var signedOff = Read(Input.SignedOffOn, "Input.SignedOffOn", "Sign-off date");
        var published = Read(Input.PublishedOn, "Input.PublishedOn", "Publication date");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await desk.UpdateReviewAsync(Review, new ReviewChange
        {
            Status = status,
            Reason = string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim(),
            IncidentOn = incident,
            RapidReviewOn = rapid,
            SignedOffBy = string.IsNullOrWhiteSpace(Input.SignedOffBy) ? null : Input.SignedOffBy,
            SignedOffOn = signedOff,
            PublishedOn = published,
        }, cancellationToken);
        TempData["Success"] = "The review has been changed";
        return Redirect($"/reviews/{Review.ReviewId}");
    }

    private static DateInput Of(DateOnly? day) => day is { } d ? DateInput.Of(d) : new DateInput();

    /// <summary>An optional date: null when left empty, else the date or an error against its field.</summary>
    private DateOnly? Read(DateInput input, string field, string label)
    {
        if (input.IsEmpty)
        {
            return null;
        }

        var (date, error) = input.Read(label);
        if (error is not null)
        {
            ModelState.AddModelError(field, error);
        }

        return date;
    }
}
