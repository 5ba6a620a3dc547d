using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Users;

/// <summary>One person's account: who they are, their role, and what a manager can do to it (reset its password, disable or enable it).</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class ShowModel(UserStore users, Scope scope, AccessRecorder access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    public AppUser Account { get; private set; } = null!;

    public bool IsSelf => Account.UserId == scope.User.UserId;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Account = scope.Account(await users.GetAsync(UserId, cancellationToken));

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        Account = scope.Account(await users.GetAsync(UserId, cancellationToken));
        if (Account.Disabled && await users.EnableAsync(scope.PartnershipId, Account.Email, cancellationToken))
        {
            await access.ChangedAsync("user", Account.Email, "enabled", cancellationToken);
        }

        TempData["Success"] = $"{Account.Name} can sign in again.";
        return Redirect($"/users/{Account.UserId}");
    }
}
