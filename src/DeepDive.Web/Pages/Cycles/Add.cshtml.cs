using DeepDive.Engine.Cycles;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>Adds a cycle from the form; its trigger goes on the scheduler at once.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class AddModel(CurrentUser user, CycleStore cycles, AccessRecorder access, IServiceProvider services) : CycleFormPage(services)
{
    public override bool IsEdit => false;

    public void OnGet() => Input = CycleInput.New();

    public IActionResult OnPostAddRule() => AddRule();

    public IActionResult OnPostRemoveRule(int index) => RemoveRule(index);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Lifecycle is not { } lifecycle)
        {
            ModelState.AddModelError("", EngineMissing.Message);
            return Page();
        }

        var cycle = Check();
        if (cycle is not null && await cycles.GetEntryAsync(user.PartnershipId, cycle.Id, cancellationToken) is not null)
        {
            ModelState.AddModelError("Input.Id", "A cycle with this ID already exists. Enter a different ID, or edit that cycle");
            cycle = null;
        }

        if (cycle is null)
        {
            return Page();
        }

        await lifecycle.AddOrUpdateAsync(user.PartnershipId, cycle, cancellationToken);
        await access.ChangedAsync("cycle", cycle.Id, "added", cancellationToken);
        Done("Cycle added. Its rounds open on the dates below.");
        return Redirect($"/cycles/{cycle.Id}");
    }
}
