using DeepDive.Engine.Rounds;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Rounds;

/// <summary>Replaces a case of a draw under review with the next unused reserve, with the reason (the sampling report shows it).</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class ReplaceModel(CurrentUser user, RoundStore rounds, SampleReport reports, SampleList samples, Scope scope, AccessRecorder access)
    : ReviewPage(user, rounds, reports, scope)
{
    public const int ReasonLength = 500;

    public sealed class ReplaceInput
    {
        public string Reason { get; set; } = "";
    }

    [BindProperty(SupportsGet = true, Name = "case")]
    public string CaseRef { get; set; } = "";

    [BindProperty]
    public ReplaceInput Input { get; set; } = new();

    public SampleReport.Entry Case { get; private set; } = null!;

    public int ReservesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadCaseAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadCaseAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var reason = (Input.Reason ?? "").Trim();
        if (reason.Length == 0)
        {
            ModelState.AddModelError("Input.Reason", "Enter why this case is being replaced");
        }
        else if (reason.Length > ReasonLength)
        {
            ModelState.AddModelError("Input.Reason", $"Reason must be {ReasonLength} characters or fewer");
        }

        if (ReservesLeft == 0)
        {
            ModelState.AddModelError("", "There are no reserve cases left to replace it with. Add a case by hand instead");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        SampleList.Replacement replaced;
        try
        {
            replaced = await samples.ReplaceAsync(PartnershipId, Round.RoundId, Case.CaseRef, By, reason, cancellationToken);
        }
        catch (SampleListRefusedException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }

        await access.ChangedAsync("sample", Round.RoundId, $"replaced case {replaced.Replaced} by reserve {replaced.ReplacedBy}: {reason}", cancellationToken);
        return BackToReview($"Case {replaced.Replaced} replaced by {replaced.ReplacedBy} from the reserve list. "
            + (replaced.ReservesLeft == 1 ? "1 reserve is left." : $"{replaced.ReservesLeft} reserves are left."));
    }

    /// <summary>Loads the round and the case; null to go on, else where to go (the review page when the draw is no longer under review).</summary>
    private async Task<IActionResult?> LoadCaseAsync(CancellationToken cancellationToken)
    {
        if (await LoadForChangeAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        Case = InList(SampleList.Sample).FirstOrDefault(c => c.CaseRef == CaseRef) ?? throw new NotFoundException("case in the sample");
        ReservesLeft = InList(SampleList.Reserve).Count();
        return null;
    }
}
