namespace DeepDive.Web.Tests.Support;

/// <summary>One app (without the engine) on its own copy of the demo partnership, shared by a test class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private TestApp? app;

    public TestApp App => app ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync() => app = await TestApp.StartAsync();

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
