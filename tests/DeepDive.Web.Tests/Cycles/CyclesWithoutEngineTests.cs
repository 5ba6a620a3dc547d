using System.Net;
using System.Text;
using DeepDive.Engine.Cycles;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Cycles;

/// <summary>A web server beside engine nodes (<c>deepdive serve --no-engine</c>) shows the programme but cannot change it, and says so.</summary>
public sealed class CyclesWithoutEngineTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_pages_show_the_programme_and_say_changes_need_the_engine()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var cycle = await client.GetAsync("/cycles/neglect");
        cycle.Status.Should().Be(HttpStatusCode.OK);
        cycle.Document.QuerySelectorAll("#next-rounds tbody tr").Should().HaveCount(10);
        cycle.Document.QuerySelector(".govuk-warning-text")!.TextContent.Should().Contain("This server does not run the audit engine");

        var added = await client.FillAsync("/cycles/add", TestCycles.Form("no-engine"));
        added.Status.Should().Be(HttpStatusCode.OK);
        added.Errors.Should().Equal("This server does not run the audit engine, so cycles cannot be changed and rounds cannot be started here");
        (await App.Services.GetRequiredService<CycleStore>().GetEntryAsync("demo", "no-engine", CancellationToken.None)).Should().BeNull();

        var paused = await client.SubmitAsync("/cycles/neglect", new Dictionary<string, string>(), formAction: "/cycles/neglect?handler=Pause");
        paused.Errors.Should().ContainSingle().Which.Should().StartWith("This server does not run the audit engine");

        using var program = await App.ApiAsAsync(App.People.Manager);
        var api = await program.PostAsync("/api/v1/cycles", new StringContent(TestCycles.Json("no-engine"), Encoding.UTF8, "application/json"));
        api.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await App.Services.GetRequiredService<CycleStore>().GetEntryAsync("demo", "neglect", CancellationToken.None))!.Status.Should().Be("active");
    }
}
