using System.Globalization;
using System.Security.Claims;
using DeepDive.Engine.Users;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(UserStore users) : PageModel
{
    public sealed class SignInInput
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true, Name = "signed-out")]
    public bool SignedOut { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter your email address");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await users.SignInAsync(Input.Email, Input.Password, cancellationToken))
        {
            case SignInOutcome.SignedIn signedIn:
                var identity = new ClaimsIdentity(CurrentUser.ClaimsOf(signedIn.User), CookieAuthenticationDefaults.AuthenticationScheme);
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : Navigation.Home(signedIn.User.Role));
            case SignInOutcome.LockedOut locked:
                var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
                var until = TimeZoneInfo.ConvertTimeFromUtc(locked.UntilUtc, london).ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant();
                ModelState.AddModelError("Input.Email", $"This account is locked after too many wrong passwords. Try again after {until}, or ask your audit manager to reset the password");
                return Page();
            default:
                ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
                return Page();
        }
    }
}
