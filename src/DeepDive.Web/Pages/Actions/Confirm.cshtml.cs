using DeepDive.Engine.Actions;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Actions;

/// <summary>
/// A manager confirms an action an audit round proposed, editing its description, owner and due date as they go; it is
/// then green and followed up. An action already confirmed goes back to its page.
/// </summary>
[Authorize(Policy = Policies.Manage)]
public sealed class ConfirmModel(ActionDesk desk) : PageModel
{
    public sealed class ConfirmInput
    {
        public string? Description { get; set; }

        public string? OwnerAgency { get; set; }

        public string? OwnerName { get; set; }

        public string? OwnerEmail { get; set; }

        public DateInput DueOn { get; set; } = new();
    }

    [BindProperty]
    public ConfirmInput Input { get; set; } = new();

    public ActionDesk.Opened Opened { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string actionId, CancellationToken cancellationToken)
    {
        Opened = await desk.OpenAsync(actionId, cancellationToken);
        if (!Opened.MayConfirm)
        {
            return Redirect($"/actions/{Opened.Action.ActionId}");
        }

        var a = Opened.Action;
        Input = new ConfirmInput
        {
            Description = a.Description, OwnerAgency = a.OwnerAgency, OwnerName = a.OwnerName, OwnerEmail = a.OwnerEmail, DueOn = DateInput.Of(a.DueOn),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string actionId, CancellationToken cancellationToken)
    {
        Opened = await desk.OpenAsync(actionId, cancellationToken, logView: false);
        if (!Opened.MayConfirm)
        {
            return Redirect($"/actions/{Opened.Action.ActionId}");
        }

        var (due, dueError) = Input.DueOn.Read("Due date");
        if (dueError is not null)
        {
            // The rest is checked with the date, in one go, once the date is one.
            ModelState.AddModelError("Input.DueOn", dueError);
            return Page();
        }

        try
        {
            await desk.ConfirmAsync(Opened, new ActionChange
            {
                Description = Input.Description ?? "",
                OwnerAgency = Input.OwnerAgency ?? "",
                OwnerName = Input.OwnerName ?? "",
                OwnerEmail = Input.OwnerEmail ?? "",
                DueOn = due,
            }, cancellationToken);
        }
        catch (ActionRefusedException refusal)
        {
            ActionProblems.AddTo(ModelState, refusal.Problems);
            return Page();
        }

        TempData["Success"] = "The action has been confirmed";
        return Redirect($"/actions/{Opened.Action.ActionId}");
    }
}
