using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages;

/// <summary>The front door: each role lands on its own start page.</summary>
public sealed class IndexModel(CurrentUser user) : PageModel
{
    public IActionResult OnGet() => Redirect(Navigation.Home(user.Role));
}
