using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Errors;

/// <summary>"Page not found" (and "You cannot see this page"), re-executed for any 404 or 403 without a body.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class NotFoundModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Code { get; set; } = 404;

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
