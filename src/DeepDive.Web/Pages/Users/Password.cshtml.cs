using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Users;

/// <summary>The confirmation after adding a user or resetting a password: the new password, shown this once and never cached.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PasswordModel(UserStore users, Scope scope) : AccountPageModel(users, scope)
{
    public NewPassword.Shown? Shown { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Shown = NewPassword.Take(TempData, Account.UserId);
    }
}
