using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Users;

/// <summary>One person's account: who they are, their role, and what a manager can do to it (reset its password, disable or enable it).</summary>
public sealed class ShowModel(UserStore users, Scope scope, AccessRecorder access) : AccountPageModel(users, scope)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Account.Disabled && await Users.EnableAsync(Scope.PartnershipId, Account.Email, cancellationToken))
        {
            await access.ChangedAsync("user", Account.Email, "enabled", cancellationToken);
        }

        TempData["Success"] = $"{Account.Name} can sign in again.";
        return Redirect($"/users/{Account.UserId}");
    }
}
