using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DeepDive.Domain.Users;
using DeepDive.Web.Components;
using DeepDive.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DeepDive.Web.Tests.Browser;

/// <summary>
/// axe-core on every main page a person can reach: the sign-in page (empty and with its errors), then for each role
/// every item of its service navigation (<see cref="Navigation"/>, so pages added there are checked without changing
/// this test), then "Page not found", "You cannot see this page" and "Sign out". No serious or critical violation is allowed; the
/// others are listed in the test output.
/// </summary>
public sealed class AccessibilityTests(LiveApp live, ITestOutputHelper output) : IClassFixture<LiveApp>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    // Only the violations are wanted; the pages have no frames to look into.
    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations], Iframes = false };

    [Fact]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation()
    {
        var findings = new List<Finding>();

        var anonymous = await live.NewPageAsync();
        findings.AddRange(await CheckAsync(anonymous, "/sign-in", "anonymous"));
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await anonymous.WaitForSelectorAsync(".govuk-error-summary");
        findings.AddRange(await CheckCurrentAsync(anonymous, "/sign-in with errors", "anonymous"));

        var people = live.People;
        foreach (var (role, email) in new[]
                 {
                     (Role.Manager, people.Manager), (Role.Moderator, people.Moderator), (Role.Auditor, people.Auditor),
                     (Role.School, people.School), (Role.Viewer, people.Viewer),
                 })
        {
            var page = await live.SignedInPageAsync(email);
            await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
            var name = role.Name();
            foreach (var item in Navigation.For(role))
            {
                findings.AddRange(await CheckAsync(page, item.Href, name));
            }

            if (role == Role.Manager)
            {
                // The same pages for every role, but for the navigation: checked once, with the longest navigation.
                findings.AddRange(await CheckAsync(page, "/no-such-page", name));
                findings.AddRange(await CheckAsync(page, "/forbidden", name));
                findings.AddRange(await CheckAsync(page, "/sign-out", name));
            }

            await page.Context.CloseAsync();
        }

        foreach (var finding in findings.Where(f => !f.Blocks))
        {
            output.WriteLine($"not blocking: {finding}");
        }

        string.Join(Environment.NewLine, findings.Where(f => f.Blocks)).Should().BeEmpty("serious and critical violations must be fixed");
    }

    private sealed record Finding(string Page, string Who, string Impact, string Rule, string Help, string Where)
    {
        public bool Blocks => Blocking.Contains(Impact);

        public override string ToString() => $"{Page} as {Who}: {Impact} {Rule} ({Help}) at {Where}";
    }

    private async Task<IEnumerable<Finding>> CheckAsync(IPage page, string path, string who)
    {
        var response = await page.GotoAsync(path);
        output.WriteLine($"{path} as {who}: {response?.Status} \"{await page.TitleAsync()}\"");
        return await CheckCurrentAsync(page, path, who);
    }

    private static async Task<IEnumerable<Finding>> CheckCurrentAsync(IPage page, string name, string who)
    {
        await LiveApp.ScreenshotAsync(page, $"a11y-{who}-{name.Trim('/').Replace('/', '-').Replace(' ', '-')}");
        AxeResult result = await page.RunAxe(Options);
        return result.Violations.SelectMany(v => v.Nodes.Select(n =>
            new Finding(name, who, v.Impact ?? "unknown", v.Id, v.Help, n.Target?.ToString() ?? "")));
    }
}
