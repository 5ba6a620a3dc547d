using DeepDive.Engine.Cycles;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>A cycle's definition as the JSON file that adds it, to keep, change and upload again.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class FileModel(CurrentUser user, CycleStore cycles, Scope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var entry = scope.Cycle(await cycles.GetEntryAsync(user.PartnershipId, Id, cancellationToken));
        return File(System.Text.Encoding.UTF8.GetBytes(CycleFile.Serialize(entry.Definition)), "application/json", $"{entry.Definition.Id}.json");
    }
}
