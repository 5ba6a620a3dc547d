using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace DeepDive.Cli.Tests;

/// <summary>
/// <c>deepdive demo --serve</c> as a person runs it: the year, then an account for each role with a password printed
/// once, then the web app on the demo database until Ctrl+C. The test signs in over HTTP with the printed passwords.
/// </summary>
public sealed partial class DemoServeTests : IDisposable
{
    private readonly CliRunner cli = new();

    [Fact]
    public async Task Demo_serve_prints_an_account_per_role_whose_password_signs_in_then_stops_on_Ctrl_C()
    {
        var folder = Path.Combine(cli.Folder, "demo");
        await using var demo = cli.Start(["demo", "--serve", "--cases", "1500", "--folder", folder, "--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["COLUMNS"] = "80" });
        var serving = await demo.WaitForLineAsync(l => l.StartsWith("DeepDive is serving on ", StringComparison.Ordinal), TimeSpan.FromMinutes(8));
        var baseUrl = Url().Match(serving).Value;

        var accounts = Accounts(demo.StdOut);
        accounts.Select(a => Kind(a.Role)).Should().Equal(["Manager", "Moderator", "Auditor", "Auditor", "School", "School", "Viewer"],
            "a manager, a moderator, two auditors, the safeguarding leads of two schools and a viewer");
        accounts.Select(a => a.Password).Should().OnlyHaveUniqueItems().And.OnlyContain(p => Password().IsMatch(p));
        AccountTableLines(demo.StdOut).Should().OnlyContain(l => l.Length <= 80, "the table fits an 80-column terminal");
        demo.StdOut.Should().Contain("The demo data is in 2027 (virtual time); the server runs on the real clock.");

        var database = Path.Combine(folder, "deepdive.db");
        foreach (var auditor in accounts.Where(a => a.Role.StartsWith("Auditor ", StringComparison.Ordinal)))
        {
            Count(database, "SELECT COUNT(*) FROM audit_task WHERE partnership_id = 'demo' AND auditor_id = $p", auditor.Role[8..])
                .Should().BePositive($"{auditor.Role} has tasks in the demo year");
        }

        foreach (var school in accounts.Where(a => a.Role.StartsWith("School lead, ", StringComparison.Ordinal)))
        {
            Count(database, "SELECT COUNT(*) FROM school_feedback WHERE partnership_id = 'demo' AND school = $p", school.Role[13..])
                .Should().BePositive($"{school.Role}'s school has feedback");
        }

        var home = new Dictionary<string, string>
        {
            ["Manager"] = "/dashboard", ["Moderator"] = "/dashboard", ["Auditor"] = "/tasks", ["School"] = "/feedback", ["Viewer"] = "/dashboard",
        };
        foreach (var account in accounts)
        {
            var signedIn = await SignInAsync(baseUrl, account.Email, account.Password);
            signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{account.Email} signs in with the printed password");
            signedIn.Headers.Location!.OriginalString.Should().Be(home[Kind(account.Role)], "each role lands on its own start page");
        }

        var refused = await SignInAsync(baseUrl, accounts[0].Email, accounts[1].Password);
        refused.StatusCode.Should().Be(HttpStatusCode.OK, "another account's password is refused");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Enter a correct email address and password");

        (await demo.InterruptAsync(TimeSpan.FromSeconds(60))).Should().Be(0, demo.ToString());
    }

    /// <summary>Signs in as a browser does: the sign-in page, then its form posted with the page's anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(string baseUrl, string email, string password)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var page = await http.GetStringAsync("/sign-in");
        var token = Token().Match(page);
        token.Success.Should().BeTrue("the sign-in form carries an anti-forgery token");
        var response = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private sealed record Account(string Role, string Email, string Password);

    /// <summary>The role without the auditor or school it is linked to ("Auditor A-csc-01" is an Auditor).</summary>
    private static string Kind(string role) => role.Split(' ', ',')[0];

    private static List<string> AccountTableLines(string stdout) =>
        stdout.Split('\n').Select(l => l.TrimEnd('\r'))
            .SkipWhile(l => !l.Contains("Sign in to the demo", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("The demo data is in", StringComparison.Ordinal))
            .ToList();

    private static List<Account> Accounts(string stdout) =>
        AccountTableLines(stdout).Where(l => l.StartsWith('│'))
            .Select(l => l.Split('│').Select(c => c.Trim()).ToArray())
            .Where(cells => cells.Length >= 5 && cells[2].Contains('@', StringComparison.Ordinal))
            .Select(cells => new Account(cells[1], cells[2], cells[3]))
            .ToList();

    private static long Count(string database, string sql, string parameter)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", parameter);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => cli.Dispose();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Url();

    [GeneratedRegex(@"^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$")]
    private static partial Regex Password();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
