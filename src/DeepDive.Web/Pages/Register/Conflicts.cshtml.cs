using DeepDive.Domain.Assignment;
using DeepDive.Engine.Auditors;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Register;

/// <summary>The conflicts of interest auditors have declared: with a case, a worker's cases or a team's cases. Assignment keeps them off these.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class ConflictsModel(DeclaredConflictStore conflicts, AuditorStore auditors, CurrentUser user, AccessRecorder access) : PageModel
{
    public IReadOnlyList<DeclaredConflict> Conflicts { get; private set; } = [];

    public IReadOnlyDictionary<string, string> AuditorNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Conflicts = await conflicts.ListAsync(user.PartnershipId, null, cancellationToken);
        AuditorNames = (await auditors.ListAsync(user.PartnershipId, cancellationToken)).ToDictionary(a => a.AuditorId, a => a.Name, StringComparer.Ordinal);
        if (Conflicts.Any(c => c.Kind == ConflictSubject.Case))
        {
            await access.ViewedAsync("declared-conflicts", "all", cancellationToken, $"{Conflicts.Count} conflicts listed");
        }
    }

    public static string Subject(DeclaredConflict conflict) => conflict.Kind switch
    {
        ConflictSubject.Case => $"Case {conflict.Subject}",
        ConflictSubject.Worker => $"Cases of worker {conflict.Subject}",
        _ => $"Cases of team {conflict.Subject}",
    };
}
