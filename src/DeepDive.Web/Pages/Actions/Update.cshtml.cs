using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Actions;

/// <summary>
/// An owner updates their action: its status (kept in its history with the comment and evidence), evidence and
/// recovery plan. The rules are the domain's (<see cref="StatusChangeRules"/>); its refusals show against their fields.
/// Only owners (a manager; an auditor of the owning agency) reach the form; anyone else who may see the action is refused (403).
/// </summary>
[Authorize(Policy = Policies.Actions)]
public sealed class UpdateModel(ActionDesk desk) : PageModel
{
    public sealed class UpdateInput
    {
        public string? Status { get; set; }

        public string? Comment { get; set; }

        public string? Evidence { get; set; }

        public string? RecoveryPlan { get; set; }
    }

    [BindProperty]
    public UpdateInput Input { get; set; } = new();

    public ActionDesk.Opened Opened { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string actionId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(actionId, logView: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var a = Opened.Action;
        Input = new UpdateInput { Status = a.Status is { } s ? RagStatuses.Name(s) : null, Evidence = a.Evidence, RecoveryPlan = a.RecoveryPlan };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string actionId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(actionId, logView: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!RagStatuses.TryParse(Input.Status, out var status))
        {
            ModelState.AddModelError("Input.Status", "Select the action's status");
            return Page();
        }

        try
        {
            // The same status again changes the evidence or recovery plan without a new entry in the history.
            var change = new ActionChange
            {
                Status = status == Opened.Action.Status && string.IsNullOrWhiteSpace(Input.Comment) ? null : status,
                Comment = Input.Comment,
                Evidence = Input.Evidence ?? "",
                RecoveryPlan = Input.RecoveryPlan ?? "",
            };
            await desk.UpdateAsync(Opened, change, cancellationToken);
        }
        catch (ActionRefusedException refusal)
        {
            ActionProblems.AddTo(ModelState, refusal.Problems);
            return Page();
        }

        TempData["Success"] = "The action has been updated";
        return Redirect($"/actions/{Opened.Action.ActionId}");
    }

    /// <summary>404 out of scope; 403 for one who may see but not update it; a proposed action goes to its confirmation.</summary>
    private async Task<IActionResult?> OpenAsync(string actionId, bool logView, CancellationToken cancellationToken)
    {
        Opened = await desk.OpenAsync(actionId, cancellationToken, logView);
        if (Opened.MayConfirm)
        {
            return Redirect($"/actions/{Opened.Action.ActionId}/confirm");
        }

        return Opened.MayUpdate ? null : Forbid();
    }
}
