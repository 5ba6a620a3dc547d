using System.Diagnostics;
using System.Net;
using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using DeepDive.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Security;

public sealed class DataProtectionTests
{
    private static readonly Uri Local = new("http://localhost");

    [Fact]
    public async Task Two_web_nodes_on_one_database_read_each_others_cookies_and_forms_and_share_one_key_ring_kept_in_it()
    {
        await using var first = await TestApp.StartAsync();
        await using var second = await first.StartBesideAsync();
        using var onFirst = await first.SignedInAsync(first.People.Manager);
        var form = await onFirst.GetAsync("/sign-out");
        var token = form.Document.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var onSecond = second.Client();
        onSecond.Cookies.Add(onFirst.Cookies.GetCookies(Local));
        (await onSecond.GetAsync("/")).Location.Should().Be("/dashboard", "the second node reads the session the first made");
        var signedOut = await onSecond.PostAsync("/sign-out", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        signedOut.Status.Should().Be(HttpStatusCode.Redirect, "the second node accepts the first's anti-forgery token: " + signedOut.Text);
        signedOut.Location.Should().Be("/sign-in?signed-out=true");
        // The first node read the session moments ago and uses it again for at most DatabaseTicketStore.Recheck without reading it.
        var refused = Stopwatch.StartNew();
        await Poller.UntilAsync(async () => (await onFirst.GetAsync("/")).Location ?? "", l => l.Contains("/sign-in", StringComparison.Ordinal),
            "the first node to see that the second signed the session out", DatabaseTicketStore.Recheck + TimeSpan.FromSeconds(10));
        refused.Elapsed.Should().BeLessThan(DatabaseTicketStore.Recheck + TimeSpan.FromSeconds(2), "signing out on one node ends the session on the other within seconds");

        var stored = await first.Services.GetRequiredService<DataProtectionKeyStore>().AllAsync(CancellationToken.None);
        stored.Should().NotBeEmpty("the key ring is kept in the database, not in a folder of one machine");
        var keysOf = (TestApp node) => node.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => $"key-{k.KeyId}").Order().ToList();
        keysOf(first).Should().Equal(stored.Select(k => k.FriendlyName).Order());
        keysOf(second).Should().Equal(keysOf(first));
    }
}
