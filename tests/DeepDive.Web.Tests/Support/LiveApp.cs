using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace DeepDive.Web.Tests.Support;

/// <summary>
/// The web app on a real socket (Kestrel on a free port) and Debian's Chromium driven by Playwright through its
/// executable path (no browser download): for tests of what a person does in a browser. Screenshots go to
/// TestResults/screenshots, to be looked at.
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private WebApplication? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string BaseUrl { get; private set; } = "";

    public string DatabasePath { get; private set; } = "";

    public DemoPartnership.People People { get; private set; } = null!;

    public WebApplication App => app ?? throw new InvalidOperationException("not started");

    public static string Screenshots { get; } = Path.Combine(FindResults(), "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (test.sh does this when run as root).");
        }

        (DatabasePath, People) = await DemoPartnership.CopyAsync();
        app = WebApp.Build(new WebAppOptions
        {
            Urls = "http://127.0.0.1:0",
            RunEngine = true,
            Settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:DeepDive"] = DatabasePath,
                ["DeepDive:Engine:PollInterval"] = "00:00:00.2",
                ["DeepDive:Notifications:Folder"] = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "outbox"),
                ["Logging:LogLevel:Default"] = "Warning",
            },
        });
        await app.StartAsync();
        BaseUrl = app.Urls.First();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A new browser context (its own cookies) with one page open at the app's address.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        // Playwright's 30 s a step is short on a 2-core machine busy with the rest of the test run (a page of the live app
        // with its engine, Chromium and the other tests share the cores); a step that never happens still fails.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page already signed in as <paramref name="email"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoPartnership.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string FindResults()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DeepDive.sln")))
            {
                return Path.Combine(folder.FullName, "TestResults");
            }
        }

        return Path.Combine(Path.GetTempPath(), "deepdive-test-results");
    }
}
