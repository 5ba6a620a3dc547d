using System.Globalization;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>
/// A rapid audit (e.g. before a joint targeted area inspection): a round of the cycle opens now, whatever its schedule,
/// with its tasks due a few working days later. Its sample is drawn at once.
/// </summary>
[Authorize(Policy = Policies.Manage)]
public sealed class RapidModel(
    CurrentUser user, CycleStore cycles, CalendarStore calendars, Scope scope, AccessRecorder access, TimeProvider clock, IServiceProvider services) : PageModel
{
    public sealed class RapidInput
    {
        public string WorkingDays { get; set; } = "";
    }

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public RapidInput Input { get; set; } = new();

    public CycleEntry Entry { get; private set; } = null!;

    public bool CanChange => services.GetService<RoundStarter>() is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));
        Input.WorkingDays = RapidAudit.WorkingDays.ToString(CultureInfo.InvariantCulture);
        return Entry.Status == CycleStatus.Retired ? Redirect($"/cycles/{Entry.Definition.Id}") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));
        var cycle = Entry.Definition;
        if (services.GetService<RoundStarter>() is not { } starter)
        {
            ModelState.AddModelError("", EngineMissing.Message);
            return Page();
        }

        if (CycleStatus.Refusal(cycle.Id, Entry.Status, CycleAction.RunRapid) is not null)
        {
            ModelState.AddModelError("", "This cycle is retired, so it cannot run a rapid audit");
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Input.WorkingDays))
        {
            ModelState.AddModelError("Input.WorkingDays", "Enter how many working days auditors have");
        }
        else if (!int.TryParse(Input.WorkingDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 60)
        {
            ModelState.AddModelError("Input.WorkingDays", "Working days must be a whole number from 1 to 60");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var workingDays = int.Parse(Input.WorkingDays.Trim(), CultureInfo.InvariantCulture);
        RoundStarter.Started started;
        try
        {
            started = await starter.StartRapidAsync(user.PartnershipId, cycle, workingDays, cancellationToken);
        }
        catch (SampleDrawException e)
        {
            ModelState.AddModelError("", $"The sample could not be drawn, so no round was opened. {e.Message}");
            return Page();
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone);
        var calendar = await calendars.ForCycleAsync(user.PartnershipId, cycle, cancellationToken);
        var due = calendar.AddWorkingDays(clock.GetUtcNow(), workingDays, zone);
        await access.ChangedAsync("round", started.RoundId, $"rapid audit of cycle {cycle.Id} opened", cancellationToken);
        TempData[Rounds.RoundMessages.Key] = $"Rapid audit opened. Its tasks are due by {UkTime.At(UkTime.InZone(due, zone))}.";
        return Redirect($"/rounds/{started.RoundId}");
    }
}
