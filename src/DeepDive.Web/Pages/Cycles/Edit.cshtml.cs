using DeepDive.Engine.Cycles;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>
/// Replaces a cycle's definition from the form: rounds opened from now on use it; a round already open keeps its own
/// copy. A paused cycle stays paused; a retired one cannot be edited.
/// </summary>
[Authorize(Policy = Policies.Manage)]
public sealed class EditModel(CurrentUser user, CycleStore cycles, Scope scope, AccessRecorder access, IServiceProvider services) : CycleFormPage(services)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public override bool IsEdit => true;

    public CycleEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));
        Input = CycleInput.From(Entry.Definition);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));
        Input.Id = Entry.Definition.Id;
        if (Lifecycle is not { } lifecycle)
        {
            ModelState.AddModelError("", EngineMissing.Message);
            return Page();
        }

        var cycle = Check();
        if (cycle is null)
        {
            return Page();
        }

        try
        {
            await lifecycle.EditAsync(user.PartnershipId, Entry.Definition.Id, cycle, cancellationToken);
        }
        catch (CycleRefusedException)
        {
            ModelState.AddModelError("", "This cycle is retired, so it cannot be changed. Add a new cycle instead");
            return Page();
        }

        await access.ChangedAsync("cycle", cycle.Id, "edited", cancellationToken);
        Done("Cycle changed. Rounds from now on use the new definition; rounds already open keep the one they started with.");
        return Redirect($"/cycles/{cycle.Id}");
    }

    public async Task<IActionResult> OnPostAddRuleAsync(CancellationToken cancellationToken)
    {
        Entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));
        return AddRule();
    }

    public async Task<IActionResult> OnPostRemoveRuleAsync(int index, CancellationToken cancellationToken)
    {
        Entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));
        return RemoveRule(index);
    }
}
