using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Users;

/// <summary>The people who sign in to the partnership's DeepDive: their role, what they are linked to, whether they can sign in.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class IndexModel(UserStore users, CurrentUser user) : PageModel
{
    public IReadOnlyList<AppUser> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = [.. (await users.ListAsync(user.PartnershipId, cancellationToken)).OrderBy(u => u.Disabled).ThenBy(u => u.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>What an account is linked to, in words: the auditor it audits as, or the school it reads feedback for.</summary>
    public static string? LinkedTo(AppUser account) =>
        account.AuditorId is { } auditor ? $"Auditor {auditor}" : account.School is { } school ? $"School {school}" : null;
}
