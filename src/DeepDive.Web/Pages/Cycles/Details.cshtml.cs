using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Scheduling;
using DeepDive.Engine.Storage;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>
/// A cycle's page: its definition, its next ten rounds in its own time zone (and why any is moved), its rounds and its
/// history; pausing and resuming it (retiring and rapid audits have their own pages).
/// </summary>
[Authorize(Policy = Policies.Manage)]
public sealed class DetailsModel(
    CurrentUser user, CycleStore cycles, CycleNext next, Scope scope, AccessRecorder access, Database database, TimeProvider clock,
    IServiceProvider services) : PageModel
{
    public const int Coming = 10;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public CycleEntry Entry { get; private set; } = null!;

    public CycleDefinition Cycle => Entry.Definition;

    public CycleNext.Result? Next { get; private set; }

    public CycleReport Report { get; private set; } = null!;

    public TimeZoneInfo Zone { get; private set; } = UkTime.London;

    public string? Message { get; private set; }

    public bool CanChange => services.GetService<CycleLifecycle>() is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Message = TempData[CycleMessages.Key] as string;
        return Page();
    }

    public Task<IActionResult> OnPostPauseAsync(CancellationToken cancellationToken) => ChangeAsync(async (lifecycle, id) =>
    {
        var changed = await lifecycle.PauseAsync(user.PartnershipId, id, cancellationToken);
        await access.ChangedAsync("cycle", id, "paused", cancellationToken);
        return changed ? "Cycle paused. It opens no rounds until you resume it; rounds that fall while it is paused are skipped." : "The cycle was already paused.";
    }, cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(CancellationToken cancellationToken) => ChangeAsync(async (lifecycle, id) =>
    {
        var resumed = await lifecycle.ResumeAsync(user.PartnershipId, id, cancellationToken);
        await access.ChangedAsync("cycle", id, "resumed", cancellationToken);
        var skipped = resumed.Skipped.Count == 0
            ? "No round fell while it was paused."
            : $"{(resumed.Skipped.Count == 1 ? "1 round" : $"{resumed.Skipped.Count} rounds")} fell while it was paused and {(resumed.Skipped.Count == 1 ? "was" : "were")} skipped, not opened now: "
              + CycleText.And([.. resumed.Skipped.Select(s => UkTime.At(UkTime.InZone(s, Zone)))]) + ".";
        return $"Cycle resumed. {skipped}";
    }, cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<CycleLifecycle, string, Task<string>> change, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (services.GetService<CycleLifecycle>() is not { } lifecycle)
        {
            ModelState.AddModelError("", EngineMissing.Message);
            return Page();
        }

        try
        {
            TempData[CycleMessages.Key] = await change(lifecycle, Cycle.Id);
        }
        catch (CycleRefusedException)
        {
            ModelState.AddModelError("", Entry.Status == CycleStatus.Retired
                ? "This cycle is retired, so it cannot be paused or resumed"
                : "This cycle is not paused, so there is nothing to resume");
            return Page();
        }

        return Redirect($"/cycles/{Cycle.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Cycle.Schedule.TimeZone);
        Next = Entry.Status == CycleStatus.Retired ? null : await next.ListAsync(user.PartnershipId, Cycle.Id, null, Coming, cancellationToken);
        Report = await CycleReport.LoadAsync(database, clock, user.PartnershipId, Cycle.Id, cancellationToken)
            ?? throw new NotFoundException("cycle");
    }
}
