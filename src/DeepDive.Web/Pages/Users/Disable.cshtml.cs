using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Users;

/// <summary>Asks, then disables an account: it can no longer sign in and its API tokens stop working. A manager cannot disable their own.</summary>
public sealed class DisableModel(UserStore users, Scope scope, AccessRecorder access) : AccountPageModel(users, scope)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (IsSelf)
        {
            ModelState.AddModelError("", "You cannot disable your own account. Ask another manager to do it");
            return Page();
        }

        if (!Account.Disabled && await Users.DisableAsync(Scope.PartnershipId, Account.Email, cancellationToken))
        {
            await access.ChangedAsync("user", Account.Email, "disabled", cancellationToken);
        }

        TempData["Success"] = $"{Account.Name}'s account is disabled: they cannot sign in.";
        return Redirect($"/users/{Account.UserId}");
    }
}
