using DeepDive.Engine.Learning;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Learning;

/// <summary>A round's learning brief, printable for a team meeting.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class BriefModel(LearningStore store, Scope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string RoundId { get; set; } = "";

    public LearningStore.Paper Brief { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Brief = await store.BriefAsync(scope.PartnershipId, RoundId, cancellationToken);
        }
        catch (ArgumentException)
        {
            // No such round in the partnership, or no brief yet: the same "Page not found" either way.
            throw new NotFoundException("learning brief");
        }
    }
}
