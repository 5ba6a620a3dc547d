using DeepDive.Engine.Rounds;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Rounds;

/// <summary>Locks a draw under review, after a confirmation: the round goes on (auditors are assigned, deep dives start).</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class LockModel(CurrentUser user, RoundStore rounds, SampleReport reports, SampleList samples, Scope scope, AccessRecorder access)
    : ReviewPage(user, rounds, reports, scope)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadForChangeAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadForChangeAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        try
        {
            await samples.LockAsync(PartnershipId, Round.RoundId, By, cancellationToken);
        }
        catch (SampleListRefusedException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }

        await access.ChangedAsync("sample", Round.RoundId, "locked the sample", cancellationToken);
        TempData[RoundMessages.Key] = "Sample locked. Auditors are being assigned and the deep dives will start.";
        return Redirect($"/rounds/{Round.RoundId}");
    }
}
