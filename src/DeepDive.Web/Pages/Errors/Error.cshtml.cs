using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Errors;

/// <summary>An unexpected failure: a plain page with the time to quote, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(TimeProvider clock) : PageModel
{
    public string Time { get; private set; } = "";

    public void OnGet() => Time = $"{clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC";

    public void OnPost() => OnGet();
}
