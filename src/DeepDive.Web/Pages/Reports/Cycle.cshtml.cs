using DeepDive.Engine.Cycles;
using DeepDive.Engine.Storage;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Reports;

/// <summary>
/// A cycle's report (<see cref="CycleReport"/>): its rounds, scheduled against started, with late ones marked; its
/// re-audits and their results (improved, same, worse); firings that opened no round; its history. Managers and
/// moderators also see the cases each round audited; a viewer sees the figures without any case reference.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class CycleModel(Database database, TimeProvider clock, CycleCasesQuery casesQuery, Scope scope, AccessRecorder access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string CycleId { get; set; } = "";

    public CycleReport Report { get; private set; } = null!;

    /// <summary>The cases audited, by round; empty for a reader who does not see case references.</summary>
    public ILookup<string, CycleCasesQuery.Case> Cases { get; private set; } = Array.Empty<CycleCasesQuery.Case>().ToLookup(c => c.RoundId);

    public bool SeesCases => scope.User.SeesCaseReferences;

    private IReadOnlyList<string> hiddenRefs = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await CycleReport.LoadAsync(database, clock, scope.PartnershipId, CycleId, cancellationToken) ?? throw new NotFoundException("cycle");
        var cases = await casesQuery.ListAsync(scope.PartnershipId, CycleId, cancellationToken);
        if (SeesCases)
        {
            Cases = cases.ToLookup(c => c.RoundId);
            if (cases.Count > 0)
            {
                await access.ViewedAsync("cycle-report", CycleId, cancellationToken, $"{cases.Count} cases listed");
            }
        }
        else
        {
            hiddenRefs = [.. cases.Select(c => c.CaseRef)];
        }
    }

    /// <summary>A note as this reader may see it: for a viewer, any case reference in it reads as a number.</summary>
    public string? Note(string? text) => text is null || hiddenRefs.Count == 0 ? text : CaseReferences.Numbered(text, hiddenRefs);
}
