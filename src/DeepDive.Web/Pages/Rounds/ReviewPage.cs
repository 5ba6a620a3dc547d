using DeepDive.Domain.Rounds;
using DeepDive.Engine.Rounds;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Rounds;

/// <summary>
/// What the review pages share: the round (in scope, or 404), its sampling report, and whether its draw still awaits
/// review. Every change names the signed-in manager as who made it and is written to the access log.
/// </summary>
public abstract class ReviewPage(CurrentUser user, RoundStore rounds, SampleReport reports, Scope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public RoundDetail Round { get; private set; } = null!;

    public SampleReport.Model Report { get; private set; } = null!;

    public bool InReview => Round.Status == RoundStatus.AwaitingReview;

    /// <summary>Who the sampling report says made a change: the manager's name.</summary>
    protected string By => string.IsNullOrWhiteSpace(user.Name) ? user.Email : user.Name;

    protected string PartnershipId => user.PartnershipId;

    public IEnumerable<SampleReport.Entry> InList(string list) => Report.Cases.Where(c => c.List == list);

    protected async Task LoadAsync(CancellationToken cancellationToken)
    {
        Round = scope.Round(await rounds.DetailAsync(user.PartnershipId, Id, cancellationToken));
        Report = await reports.LoadAsync(user.PartnershipId, Round.RoundId, cancellationToken);
    }

    /// <summary>Loads the round; null to go on, or, when its draw no longer awaits review, the review page (which says why).</summary>
    protected async Task<IActionResult?> LoadForChangeAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return InReview ? null : BackToReview();
    }

    /// <summary>Back to the review page, with a message for it.</summary>
    protected IActionResult BackToReview(string? message = null)
    {
        if (message is not null)
        {
            TempData[RoundMessages.Key] = message;
        }

        return Redirect($"/rounds/{Round.RoundId}/review");
    }
}
