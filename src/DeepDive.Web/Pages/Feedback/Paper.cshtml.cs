using DeepDive.Domain.Users;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Learning;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Feedback;

/// <summary>One school's feedback from one round, printable. Another school's address is "Page not found", never "forbidden".</summary>
[Authorize(Policy = Policies.Feedback)]
public sealed class PaperModel(LearningStore store, CycleStore cycles, Scope scope, AccessRecorder access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string RoundId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string School { get; set; } = "";

    public LearningStore.Paper Paper { get; private set; } = null!;

    public string Audit { get; private set; } = "";

    public bool IsSchool => scope.User.Role == Role.School;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Paper = await SchoolFeedback.ReadAsync(store, scope, access, RoundId, School, cancellationToken);
        Audit = (await IndexModel.CycleNamesAsync(cycles, scope.PartnershipId, cancellationToken)).GetValueOrDefault(Paper.CycleId) ?? Paper.CycleId;
    }
}
