using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
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

    public void OnGet() => KeepStatus();

    public void OnPost() => KeepStatus();

    /// <summary>Re-executed, the page keeps the original status; visited at its own address, it is still a 404, never a 200.</summary>
    private void KeepStatus()
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
