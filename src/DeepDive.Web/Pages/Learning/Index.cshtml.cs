using DeepDive.Engine.Cycles;
using DeepDive.Engine.Learning;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Learning;

/// <summary>What closed rounds taught: each round's learning brief ("7-minute briefing") and the schools' feedback of education audits.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(LearningStore store, CycleStore cycles, Scope scope) : PageModel
{
    public IReadOnlyList<LearningStore.Paper> Briefs { get; private set; } = [];

    /// <summary>The schools' feedback, by round, newest round first.</summary>
    public IReadOnlyList<IGrouping<string, LearningStore.Paper>> Feedback { get; private set; } = [];

    public IReadOnlyDictionary<string, string> CycleNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Briefs = [.. (await store.BriefsAsync(scope.PartnershipId, cancellationToken)).OrderByDescending(b => b.WrittenUtc)];
        Feedback = [.. (await Pages.Feedback.SchoolFeedback.ListAsync(store, scope, cancellationToken))
            .GroupBy(f => f.RoundId).OrderByDescending(g => g.Max(f => f.WrittenUtc))];
        CycleNames = await Pages.Feedback.IndexModel.CycleNamesAsync(cycles, scope.PartnershipId, cancellationToken);
    }
}
