using DeepDive.Engine.Rounds;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Rounds;

/// <summary>A manager's review of a draw: the sample with a "replace" link for each case, the reserves, adding a case by hand, locking.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class ReviewModel(CurrentUser user, RoundStore rounds, SampleReport reports, Scope scope, AccessRecorder access)
    : ReviewPage(user, rounds, reports, scope)
{
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await access.ViewedAsync("sample", Round.RoundId, cancellationToken, "sample review");
        Message = TempData[RoundMessages.Key] as string;
        return Page();
    }
}
