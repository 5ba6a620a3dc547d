using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Rounds;

/// <summary>The partnership's rounds, newest first, with how their tasks stand; filtered by status or cycle.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(CurrentUser user, Database database, CycleStore cycles) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "cycle")]
    public string? Cycle { get; set; }

    public IReadOnlyList<RoundSummary> Rounds { get; private set; } = [];

    public int All { get; private set; }

    public IReadOnlyDictionary<string, string> CycleNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rounds = await RoundSummary.ListAsync(database, user.PartnershipId, null, withUnassigned: false, cancellationToken);
        All = rounds.Count;
        Rounds = [.. rounds.Where(r => (string.IsNullOrEmpty(Status) || r.Status == Status) && (string.IsNullOrEmpty(Cycle) || r.CycleId == Cycle))];
        CycleNames = (await cycles.ListEntriesAsync(user.PartnershipId, cancellationToken))
            .ToDictionary(c => c.Definition.Id, c => c.Definition.Name, StringComparer.Ordinal);
    }

    public string CycleName(string cycleId) => CycleNames.GetValueOrDefault(cycleId, cycleId);
}
