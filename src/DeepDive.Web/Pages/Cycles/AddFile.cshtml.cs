using DeepDive.Engine.Cycles;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>Adds a cycle from its JSON file.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class AddFileModel(CurrentUser user, CycleStore cycles, AccessRecorder access, IServiceProvider services) : CycleUploadPage(services)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Lifecycle is not { } lifecycle)
        {
            ModelState.AddModelError("", EngineMissing.Message);
            return Page();
        }

        if (await ReadAsync(cancellationToken) is not { } cycle)
        {
            return Page();
        }

        if (await cycles.GetEntryAsync(user.PartnershipId, cycle.Id, cancellationToken) is not null)
        {
            ModelState.AddModelError(Field, $"The file is for cycle {cycle.Id}, which already exists. To replace its definition, upload the file from that cycle's page");
            return Page();
        }

        await lifecycle.AddOrUpdateAsync(user.PartnershipId, cycle, cancellationToken);
        await access.ChangedAsync("cycle", cycle.Id, "added from a file", cancellationToken);
        Done("Cycle added. Its rounds open on the dates below.");
        return Redirect($"/cycles/{cycle.Id}");
    }
}
