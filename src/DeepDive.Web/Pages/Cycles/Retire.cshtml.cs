using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>Retires a cycle for good, after a confirmation: its trigger goes; its rounds, re-audits and history stay.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class RetireModel(CurrentUser user, CycleStore cycles, Scope scope, AccessRecorder access, IServiceProvider services) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public CycleEntry Entry { get; private set; } = null!;

    public bool CanChange => services.GetService<CycleLifecycle>() is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));
        return Entry.Status == CycleStatus.Retired ? Redirect($"/cycles/{Entry.Definition.Id}") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));
        if (services.GetService<CycleLifecycle>() is not { } lifecycle)
        {
            ModelState.AddModelError("", EngineMissing.Message);
            return Page();
        }

        var changed = await lifecycle.RetireAsync(user.PartnershipId, Entry.Definition.Id, cancellationToken);
        await access.ChangedAsync("cycle", Entry.Definition.Id, "retired", cancellationToken);
        TempData[CycleMessages.Key] = changed ? "Cycle retired. It opens no more rounds; its rounds, re-audits and history are kept." : "The cycle was already retired.";
        return Redirect($"/cycles/{Entry.Definition.Id}");
    }
}
