using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Users;

/// <summary>Asks, then gives an account a new random password (lifting any lockout), shown once on the next page.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class ResetPasswordModel(UserStore users, Scope scope, AccessRecorder access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    public AppUser Account { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Account = scope.Account(await users.GetAsync(UserId, cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Account = scope.Account(await users.GetAsync(UserId, cancellationToken));
        var password = UserStore.RandomPassword();
        await users.SetPasswordAsync(scope.PartnershipId, Account.Email, password, cancellationToken);
        await access.ChangedAsync("user", Account.Email, "password reset", cancellationToken);
        NewPassword.Keep(TempData, Account.UserId, password, NewPassword.Reset);
        return Redirect($"/users/{Account.UserId}/password");
    }
}
