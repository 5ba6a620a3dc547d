using DeepDive.Engine.Cycles;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Reports;

/// <summary>The programme's cycles, each with its report: rounds, re-audit results and history.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(CycleStore cycles, CurrentUser user) : PageModel
{
    public IReadOnlyList<CycleEntry> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cycles = [.. (await cycles.ListEntriesAsync(user.PartnershipId, cancellationToken)).OrderBy(c => c.Definition.Name, StringComparer.OrdinalIgnoreCase)];
}
