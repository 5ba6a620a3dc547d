using DeepDive.Domain.Users;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Learning;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Feedback;

/// <summary>Schools' learning feedback: a school's lead sees their own school's from every round; managers and moderators every school's.</summary>
[Authorize(Policy = Policies.Feedback)]
public sealed class IndexModel(LearningStore store, CycleStore cycles, Scope scope) : PageModel
{
    public IReadOnlyList<LearningStore.Paper> Papers { get; private set; } = [];

    public IReadOnlyDictionary<string, string> CycleNames { get; private set; } = new Dictionary<string, string>();

    public bool IsSchool => scope.User.Role == Role.School;

    public string? School => scope.User.School;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Papers = await SchoolFeedback.ListAsync(store, scope, cancellationToken);
        CycleNames = await CycleNamesAsync(cycles, scope.PartnershipId, cancellationToken);
    }

    /// <summary>Each cycle's name by its id, to say which audit a paper comes from.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CycleNamesAsync(CycleStore cycles, string partnershipId, CancellationToken cancellationToken) =>
        (await cycles.ListEntriesAsync(partnershipId, cancellationToken)).ToDictionary(c => c.Definition.Id, c => c.Definition.Name, StringComparer.Ordinal);
}
