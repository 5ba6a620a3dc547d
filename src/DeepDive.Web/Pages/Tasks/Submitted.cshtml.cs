using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Tasks;

/// <summary>The confirmation after "Submit": "Task submitted" and what happens next.</summary>
[Authorize(Policy = Policies.Tasks)]
public sealed class SubmittedModel(TaskDesk desk, Scope scope) : PageModel
{
    public TaskDesk.OpenTask Task { get; private set; } = null!;

    /// <summary>Whether the case reference may be shown: not once the submission has closed the round (the auditor's access to the case ends with it).</summary>
    public bool ShowsCase => scope.MaySee(Task.Task);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var id = TaskIds.FromRoute(RouteData.Values);
        var task = await desk.ConfirmationAsync(id, cancellationToken);
        if (task is null)
        {
            return Redirect(TaskIds.Url(id));
        }

        Task = task;
        return Page();
    }
}
