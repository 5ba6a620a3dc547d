using System.Text;
using System.Text.RegularExpressions;
using DeepDive.Web.Tests.Reports;
using DeepDive.Web.Tests.Support;
using Microsoft.Playwright;

namespace DeepDive.Web.Tests.Browser;

/// <summary>A manager asks for the committee report in a real browser, reads it, and prints it to PDF on A4.</summary>
public sealed partial class CommitteeReportBrowserTests(LiveApp live) : IClassFixture<LiveApp>
{
    // A4 is 210 mm wide; the print style's margins leave 182 mm, which is 688 CSS pixels.
    private const int PrintableWidth = 688;

    [Fact]
    public async Task A_manager_shows_a_periods_report_and_it_prints_on_A4_each_part_from_a_new_page_with_nothing_cut_off()
    {
        await CommitteePlan.ImportAsync(live.App.Services);
        var page = await live.SignedInPageAsync(live.People.Manager);
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };

        await page.GotoAsync("/reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "Make a committee report" }).ClickAsync();
        await page.Locator("#From").FillAsync("1");
        await page.Locator("#From-month").FillAsync("7");
        await page.Locator("#From-year").FillAsync("2027");
        await page.Locator("#To").FillAsync("30");
        await page.Locator("#To-month").FillAsync("6");
        await page.Locator("#To-year").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").TextContentAsync()).Should().Contain("The end date must be the same as or after the start date");
        await page.Locator("#From-month").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();

        (await page.Locator("#period").TextContentAsync()).Should().Be("1 April 2027 to 30 June 2027");
        (await page.Locator("#review-actions").TextContentAsync()).Should().Be(CommitteePlan.ReviewActionsSentence);
        (await page.Locator("#actions-chart svg").BoundingBoxAsync())!.Height.Should().BeGreaterThan(100, "the chart is drawn, not blocked");
        await AxeChecks.ExpectNoViolationsAsync(page, "the committee report has no accessibility problems axe can find");
        await LiveApp.ScreenshotAsync(page, "committee-report");

        await page.SetViewportSizeAsync(PrintableWidth, 1100);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        (await page.Locator("header.govuk-header").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("#period-form").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("footer.govuk-footer").IsVisibleAsync()).Should().BeFalse();
        (await page.EvaluateAsync<string[]>(OverflowScript)).Should().BeEmpty("nothing runs off an A4 page or out of its table cell");
        await LiveApp.ScreenshotAsync(page, "committee-report-print");

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, Path = Path.Combine(LiveApp.Screenshots, "committee-report.pdf") });
        var text = Encoding.Latin1.GetString(pdf);
        var box = MediaBox().Match(text);
        box.Success.Should().BeTrue();
        double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(595.3, 2, "A4 is 210 mm wide");
        double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(841.9, 2, "A4 is 297 mm high");
        // Each of the three parts starts a page: printed alone, the pages add up to the whole.
        var alone = new List<int>();
        foreach (var section in new[] { "summary", "appendix", "programme" })
        {
            await page.ReloadAsync();
            // The page's heading stays with the first part, as it prints.
            await page.EvaluateAsync("""
                id => {
                  document.querySelectorAll('.app-committee__section').forEach(s => { if (s.id !== id) s.remove(); });
                  if (id !== 'summary') document.querySelector('main h1').remove();
                }
                """, section);
            alone.Add(PageObject().Matches(Encoding.Latin1.GetString(await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true }))).Count);
        }

        PageObject().Matches(text).Count.Should().Be(alone.Sum(), $"each part starts a new page ({string.Join(" + ", alone)})");
        blocked.Should().BeEmpty("the page and its charts need nothing the Content-Security-Policy forbids");
    }

    // Every box must end within the page's width, and no table, cell or row of a list may hold more than its width.
    private const string OverflowScript = """
        () => {
          const limit = document.documentElement.clientWidth + 1;
          const found = [];
          for (const el of document.querySelectorAll('#report *')) {
            if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
            const box = el.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) continue;
            const name = el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '');
            if (box.right > limit) found.push(`${name} ends at ${Math.round(box.right)}px of ${limit - 1}px: ${el.textContent.slice(0, 60)}`);
            if (['td', 'th', 'table', 'dd', 'dt'].includes(el.tagName.toLowerCase()) && el.scrollWidth > el.clientWidth + 1)
              found.push(`${name} holds ${el.scrollWidth}px in ${el.clientWidth}px: ${el.textContent.slice(0, 60)}`);
          }
          return found.slice(0, 20);
        }
        """;

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
