using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Users;

/// <summary>Asks, then gives an account a new random password (lifting any lockout), shown once on the next page.</summary>
public sealed class ResetPasswordModel(UserStore users, Scope scope, AccessRecorder access) : AccountPageModel(users, scope)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var password = UserStore.RandomPassword();
        await Users.SetPasswordAsync(Scope.PartnershipId, Account.Email, password, cancellationToken);
        await access.ChangedAsync("user", Account.Email, "password reset", cancellationToken);
        NewPassword.Keep(TempData, Account.UserId, password, NewPassword.Reset);
        return Redirect($"/users/{Account.UserId}/password");
    }
}
