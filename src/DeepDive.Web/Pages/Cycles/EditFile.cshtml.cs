using DeepDive.Engine.Cycles;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>Replaces a cycle's definition with an uploaded file; the file's id must be the cycle's.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class EditFileModel(CurrentUser user, CycleStore cycles, Scope scope, AccessRecorder access, IServiceProvider services) : CycleUploadPage(services)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public CycleEntry Entry { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));
        if (Lifecycle is not { } lifecycle)
        {
            ModelState.AddModelError("", EngineMissing.Message);
            return Page();
        }

        if (await ReadAsync(cancellationToken) is not { } cycle)
        {
            return Page();
        }

        if (cycle.Id != Entry.Definition.Id)
        {
            ModelState.AddModelError(Field, $"The file is for cycle {cycle.Id}, not {Entry.Definition.Id}. A cycle's ID cannot change: add a new cycle instead");
            return Page();
        }

        try
        {
            await lifecycle.EditAsync(user.PartnershipId, Entry.Definition.Id, cycle, cancellationToken);
        }
        catch (CycleRefusedException)
        {
            ModelState.AddModelError(Field, "This cycle is retired, so it cannot be changed. Add a new cycle instead");
            return Page();
        }

        await access.ChangedAsync("cycle", cycle.Id, "edited from a file", cancellationToken);
        Done("Cycle changed. Rounds from now on use the new definition; rounds already open keep the one they started with.");
        return Redirect($"/cycles/{cycle.Id}");
    }
}
