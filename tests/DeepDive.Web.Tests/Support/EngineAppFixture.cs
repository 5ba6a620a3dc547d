namespace DeepDive.Web.Tests.Support;

/// <summary>One app with the engine running in its process (Quartz, workflows) on its own copy of the demo partnership, shared by a test class.</summary>
public sealed class EngineAppFixture : IAsyncLifetime
{
    private TestApp? app;

    public TestApp App => app ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync() => app = await TestApp.StartAsync(runEngine: true);

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
