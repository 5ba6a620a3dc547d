using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Users;

/// <summary>The confirmation after adding a user or resetting a password: the new password, shown this once and never cached.</summary>
[Authorize(Policy = Policies.Manage)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PasswordModel(UserStore users, Scope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    public AppUser Account { get; private set; } = null!;

    public NewPassword.Shown? Shown { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Account = scope.Account(await users.GetAsync(UserId, cancellationToken));
        Shown = NewPassword.Take(TempData, Account.UserId);
    }
}
