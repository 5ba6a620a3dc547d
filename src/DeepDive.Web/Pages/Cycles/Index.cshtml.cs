using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Scheduling;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>The programme's cycles with their status and each active one's next round.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class IndexModel(CurrentUser user, CycleStore cycles, CycleNext next) : PageModel
{
    public sealed record Row(CycleEntry Entry, DateTimeOffset? NextRound, TimeZoneInfo Zone);

    public IReadOnlyList<Row> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        foreach (var entry in await cycles.ListEntriesAsync(user.PartnershipId, cancellationToken))
        {
            var coming = entry.Status == CycleStatus.Active
                ? await next.ListAsync(user.PartnershipId, entry.Definition.Id, null, 1, cancellationToken)
                : null;
            var zone = coming?.Zone ?? TimeZoneInfo.FindSystemTimeZoneById(entry.Definition.Schedule.TimeZone);
            rows.Add(new Row(entry, coming?.Rounds.FirstOrDefault()?.At, zone));
        }

        Cycles = rows;
    }
}
