using DeepDive.Web.Tests.Support;
using Microsoft.Playwright;

namespace DeepDive.Web.Tests.Browser;

public sealed class SignInBrowserTests(LiveApp live) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_manager_signs_in_with_the_keyboard_alone()
    {
        var page = await live.NewPageAsync();
        await page.GotoAsync("/");
        page.Url.Should().Contain("/sign-in");
        await LiveApp.ScreenshotAsync(page, "sign-in");

        // Tab from the top: the skip link first, then on to the fields, typing and pressing Enter as a keyboard user does.
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).Should().Contain("Skip to main content");
        await page.GetByLabel("Email address").FocusAsync();
        await page.Keyboard.TypeAsync(live.People.Manager);
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("Input_Password");
        await page.Keyboard.TypeAsync(DemoPartnership.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));

        page.Url.Should().EndWith("/dashboard");
        (await page.Locator(".app-header__user").TextContentAsync()).Should().Contain("Morgan Manager");
        (await page.EvaluateAsync<bool>("document.body.classList.contains('govuk-frontend-supported')")).Should().BeTrue("GOV.UK Frontend's script ran under the Content-Security-Policy");
    }
}
