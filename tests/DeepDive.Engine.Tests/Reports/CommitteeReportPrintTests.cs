using System.Text;
using System.Text.RegularExpressions;
using DeepDive.Engine.Reports;
using Microsoft.Playwright;

namespace DeepDive.Engine.Tests.Reports;

/// <summary>
/// The committee report's HTML opened in Debian's Chromium and printed to PDF on A4 (Playwright): self-contained, each
/// section from a new page, nothing running off the page. Screenshots of the print layout go to TestResults/screenshots.
/// </summary>
[Collection(CommitteeCollection.Name)]
public sealed partial class CommitteeReportPrintTests(CommitteeFixture fixture) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    // A4's printable width at 96 pixels an inch: 210 mm less the report's 14 mm margins either side.
    private const int PrintableWidth = 688;

    private static readonly string[] Sections = ["summary", "appendix", "programme"];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        File.Exists(Chromium).Should().BeTrue($"{Chromium} is needed: install Debian's chromium (test.sh does this when run as root)");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_report_prints_on_A4_each_section_from_a_new_page_with_nothing_running_off_the_page(bool published)
    {
        var html = CommitteeReportHtml.Render(await fixture.ReportAsync(published));
        html.Should().NotContainAny(["<script", "<link", " src=", "@import", "url(http"], "the report is one file that fetches nothing");

        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = PrintableWidth, Height = 1100 } });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.SetContentAsync(html);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        (await page.EvaluateAsync<string[]>(OverflowScript)).Should().BeEmpty("nothing runs off an A4 page");
        var name = published ? "committee-report-published" : "committee-report";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(Screenshots, name + ".pdf"), pdf);
        var (width, height) = PageSize(pdf);
        width.Should().BeApproximately(595.3, 2, "A4 is 210 mm wide (595 points)");
        height.Should().BeApproximately(841.9, 2, "A4 is 297 mm high (842 points)");

        // Each section alone, then all three: with a page break between sections, the pages add up.
        var alone = new List<int>();
        foreach (var section in Sections)
        {
            await page.SetContentAsync(html);
            await page.EvaluateAsync("id => document.querySelectorAll('.section').forEach(s => { if (s.id !== id) s.remove(); })", section);
            alone.Add(PageCount(await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true })));
        }

        var pages = PageCount(pdf);
        alone.Should().OnlyContain(n => n >= 1);
        pages.Should().Be(alone.Sum(), $"each section starts a new page ({string.Join(" + ", alone)})");
        alone[1].Should().BeGreaterThan(1, "the appendix's long table runs over more than one page, its rows whole");
        requests.Where(r => !r.StartsWith("data:", StringComparison.Ordinal) && r != "about:blank").Should().BeEmpty();
        await context.CloseAsync();
    }

    private static string Screenshots
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DeepDive.sln")))
            {
                folder = folder.Parent;
            }

            var path = Path.Combine(folder?.FullName ?? Path.GetTempPath(), "TestResults", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    // Every box of the report must end within the page's width, and no cell, row of a list or table may be wider than its box.
    private const string OverflowScript = """
        () => {
          const limit = document.documentElement.clientWidth + 1;
          const found = [];
          for (const el of document.querySelectorAll('main *')) {
            if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
            const box = el.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) continue;
            const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '');
            if (box.right > limit) found.push(`${name} ends at ${Math.round(box.right)}px of ${limit - 1}px: ${el.textContent.slice(0, 60)}`);
            if (['td', 'th', 'table', 'dd', 'dt'].includes(el.tagName.toLowerCase()) && el.scrollWidth > el.clientWidth + 1)
              found.push(`${name} holds ${el.scrollWidth}px in ${el.clientWidth}px: ${el.textContent.slice(0, 60)}`);
          }
          return found.slice(0, 20);
        }
        """;

    private static int PageCount(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    private static (double Width, double Height) PageSize(byte[] pdf)
    {
        var match = MediaBox().Match(Encoding.Latin1.GetString(pdf));
        match.Success.Should().BeTrue("a PDF page has a media box");
        return (double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
