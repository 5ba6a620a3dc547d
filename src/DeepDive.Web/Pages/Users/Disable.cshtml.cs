using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Users;

/// <summary>Asks, then disables an account: it can no longer sign in and its API tokens stop working. A manager cannot disable their own.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class DisableModel(UserStore users, Scope scope, AccessRecorder access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    public AppUser Account { get; private set; } = null!;

    public bool IsSelf => Account.UserId == scope.User.UserId;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Account = scope.Account(await users.GetAsync(UserId, cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Account = scope.Account(await users.GetAsync(UserId, cancellationToken));
        if (IsSelf)
        {
            ModelState.AddModelError("", "You cannot disable your own account. Ask another manager to do it");
            return Page();
        }

        if (!Account.Disabled && await users.DisableAsync(scope.PartnershipId, Account.Email, cancellationToken))
        {
            await access.ChangedAsync("user", Account.Email, "disabled", cancellationToken);
        }

        TempData["Success"] = $"{Account.Name}'s account is disabled: they cannot sign in.";
        return Redirect($"/users/{Account.UserId}");
    }
}
