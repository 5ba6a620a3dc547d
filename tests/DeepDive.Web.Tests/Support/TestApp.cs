using DeepDive.Engine.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Support;

/// <summary>
/// The web app in process on a copy of the demo partnership (a test server, no sockets): the same
/// <see cref="WebApp.Build"/> as <c>deepdive serve</c>. With <paramref name="runEngine"/> the engine runs in the
/// process too, so a submitted task moves its workflow on.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app, string databasePath, DemoPartnership.People people)
    {
        App = app;
        DatabasePath = databasePath;
        People = people;
    }

    public WebApplication App { get; }

    public string DatabasePath { get; }

    public DemoPartnership.People People { get; }

    public IServiceProvider Services => App.Services;

    public Database Database => App.Services.GetRequiredService<Database>();

    /// <param name="runEngine">Run the engine in the process too.</param>
    /// <param name="configure">Changes to the app's services before it is built (e.g. a fake clock, probe endpoints).</param>
    public static async Task<TestApp> StartAsync(bool runEngine = false, Action<WebApplicationBuilder>? configure = null)
    {
        var (path, people) = await DemoPartnership.CopyAsync();
        return await StartOnAsync(path, people, runEngine, configure);
    }

    /// <summary>A second web-only node on this app's database, as <c>deepdive serve --no-engine</c> beside another.</summary>
    public Task<TestApp> StartBesideAsync() => StartOnAsync(DatabasePath, People, runEngine: false, configure: null);

    private static async Task<TestApp> StartOnAsync(string path, DemoPartnership.People people, bool runEngine, Action<WebApplicationBuilder>? configure)
    {
        var app = WebApp.Build(new WebAppOptions
        {
            RunEngine = runEngine,
            Settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:DeepDive"] = path,
                ["DeepDive:Engine:PollInterval"] = "00:00:00.2",
                ["DeepDive:Notifications:Folder"] = Path.Combine(Path.GetDirectoryName(path)!, "outbox"),
                ["Logging:LogLevel:Default"] = "Warning",
            },
            Configure = builder =>
            {
                builder.WebHost.UseTestServer();
                configure?.Invoke(builder);
            },
        });
        await app.StartAsync();
        return new TestApp(app, path, people);
    }

    /// <summary>A client with its own cookies, as one browser would be; it does not follow redirects, so tests see them.</summary>
    public BrowserClient Client() => new(App.GetTestServer());

    /// <summary>A client as <see cref="Client()"/>, at another address: <c>https://localhost</c> makes the requests HTTPS.</summary>
    public BrowserClient Client(string baseAddress) => new(App.GetTestServer(), baseAddress);

    /// <summary>A client already signed in as <paramref name="email"/> (password <see cref="DemoPartnership.Password"/>).</summary>
    public async Task<BrowserClient> SignedInAsync(string email)
    {
        var client = Client();
        await client.SignInAsync(email, DemoPartnership.Password);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
