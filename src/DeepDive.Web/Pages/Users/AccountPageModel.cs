using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Users;

/// <summary>A page about one account, <c>/users/{userId}/...</c>: managers only, and only their own partnership's accounts (else 404).</summary>
[Authorize(Policy = Policies.Manage)]
public abstract class AccountPageModel(UserStore users, Scope scope) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    public AppUser Account { get; private set; } = null!;

    /// <summary>Whether the account is the signed-in manager's own.</summary>
    public bool IsSelf => Account.UserId == scope.User.UserId;

    protected UserStore Users => users;

    protected Scope Scope => scope;

    protected async Task<AppUser> LoadAsync(CancellationToken cancellationToken) =>
        Account = scope.Account(await users.GetAsync(UserId, cancellationToken));
}
