using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Users;

public sealed class UserTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_list_shows_the_partnerships_people_and_no_one_elses()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync("/users");

        page.Status.Should().Be(HttpStatusCode.OK);
        var text = page.Document.QuerySelector("#users")!.TextContent;
        text.Should().Contain(App.People.Moderator).And.Contain($"Auditor {App.People.AuditorId}").And.Contain($"School {App.People.SchoolName}");
        text.Should().NotContain(App.People.OtherPartnershipManager);
    }

    [Fact]
    public async Task An_added_user_gets_a_password_shown_once_that_signs_them_in()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var added = await client.SubmitAsync("/users/add", new Dictionary<string, string>
        {
            ["Input.Name"] = "Nia New",
            ["Input.Email"] = "Nia.New@Demo.test",
            ["Input.Role"] = "auditor",
            ["Input.AuditorId"] = App.People.AuditorId.ToUpperInvariant(),
        });

        added.Status.Should().Be(HttpStatusCode.Redirect, added.Text);
        var confirmation = await client.GetAsync(added.Location!);
        confirmation.Document.QuerySelector(".govuk-panel__title")!.TextContent.Should().Be("User added");
        confirmation.Response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var password = confirmation.Document.QuerySelector("#password")!.TextContent;
        password.Should().MatchRegex("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$");
        (await client.GetAsync(added.Location!)).Document.QuerySelector("#gone").Should().NotBeNull("the password is shown once");

        using var nia = App.Client();
        (await nia.SignInAsync("nia.new@demo.test", password)).Location.Should().Be("/tasks");
        (await App.ScalarAsync<string>("SELECT auditor_id FROM app_user WHERE email = 'nia.new@demo.test'")).Should().Be(App.People.AuditorId);
        (await App.ScalarAsync<string>("SELECT detail FROM access_log WHERE object_type = 'user' AND object_id = 'nia.new@demo.test'"))
            .Should().Be($"added as auditor (Auditor {App.People.AuditorId})");
    }

    [Fact]
    public async Task The_add_form_names_each_problem_against_its_field()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var empty = await client.SubmitAsync("/users/add", new Dictionary<string, string>());
        var auditor = await client.SubmitAsync("/users/add", new Dictionary<string, string> { ["Input.Name"] = "A", ["Input.Email"] = "a@demo.test", ["Input.Role"] = "auditor" });
        var unknownAuditor = await client.SubmitAsync("/users/add", new Dictionary<string, string>
            { ["Input.Name"] = "A", ["Input.Email"] = "a@demo.test", ["Input.Role"] = "auditor", ["Input.AuditorId"] = "A-nobody" });
        var unknownSchool = await client.SubmitAsync("/users/add", new Dictionary<string, string>
            { ["Input.Name"] = "A", ["Input.Email"] = "a@demo.test", ["Input.Role"] = "school", ["Input.School"] = "Hogwarts" });
        var taken = await client.SubmitAsync("/users/add", new Dictionary<string, string>
            { ["Input.Name"] = "A", ["Input.Email"] = App.People.Viewer.ToUpperInvariant(), ["Input.Role"] = "viewer" });
        var badEmail = await client.SubmitAsync("/users/add", new Dictionary<string, string> { ["Input.Name"] = "A", ["Input.Email"] = "not-an-email", ["Input.Role"] = "viewer" });

        empty.Errors.Should().Equal("Enter the person's name", "Enter the person's email address", "Select the person's role");
        empty.Document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).Should().Equal("#Input_Name", "#Input_Email", "#Input_Role");
        auditor.Errors.Should().Equal("Enter the auditor id they audit as");
        unknownAuditor.Errors.Should().Equal("There is no auditor A-nobody in the auditor pool: check the id, or upload the auditor first");
        unknownSchool.Errors.Should().Equal("No case in the register has the school Hogwarts: enter it as the case register names it");
        taken.Errors.Should().Equal($"There is already an account for {App.People.Viewer}");
        badEmail.Errors.Should().Equal("Enter an email address in the correct format, like name@example.org");
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM app_user WHERE email = 'a@demo.test'")).Should().Be(0);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_and_is_logged()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var id = await UserIdAsync(App.People.OtherSchool);

        var reset = await client.SubmitAsync($"/users/{id}/reset-password", new Dictionary<string, string>());

        reset.Location.Should().Be($"/users/{id}/password");
        var confirmation = await client.GetAsync(reset.Location!);
        confirmation.Document.QuerySelector(".govuk-panel__title")!.TextContent.Should().Be("Password reset");
        var password = confirmation.Document.QuerySelector("#password")!.TextContent;
        using var school = App.Client();
        (await school.SignInAsync(App.People.OtherSchool, DemoPartnership.Password)).Errors.Should().Equal("Enter a correct email address and password");
        (await school.SignInAsync(App.People.OtherSchool, password)).Location.Should().Be("/feedback");
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM access_log WHERE object_type = 'user' AND object_id = @Email AND detail = 'password reset'",
            new { Email = App.People.OtherSchool })).Should().Be(1);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_until_enabled_and_a_manager_cannot_disable_their_own()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var id = await UserIdAsync(App.People.OtherAuditor);
        var self = await UserIdAsync(App.People.Manager);

        var disabled = await client.SubmitAsync($"/users/{id}/disable", new Dictionary<string, string>());
        using var auditor = App.Client();
        var refused = await auditor.SignInAsync(App.People.OtherAuditor, DemoPartnership.Password);
        var shown = await client.GetAsync($"/users/{id}");
        var enabled = await client.SubmitAsync($"/users/{id}", new Dictionary<string, string>(), formAction: $"/users/{id}?handler=Enable");
        var again = await auditor.SignInAsync(App.People.OtherAuditor, DemoPartnership.Password);
        var selfPage = await client.GetAsync($"/users/{self}/disable");
        var selfPost = await client.PostAsync($"/users/{self}/disable", new Dictionary<string, string>
            { ["__RequestVerificationToken"] = (await client.GetAsync($"/users/{id}/disable")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! });

        disabled.Location.Should().Be($"/users/{id}");
        refused.Errors.Should().Equal("Enter a correct email address and password");
        shown.Document.QuerySelector("#account")!.TextContent.Should().Contain("Disabled");
        enabled.Location.Should().Be($"/users/{id}");
        again.Location.Should().Be("/tasks");
        selfPage.Document.QuerySelector("#self").Should().NotBeNull();
        selfPost.Errors.Should().Equal("You cannot disable your own account. Ask another manager to do it");
        (await App.ScalarAsync<int>("SELECT disabled FROM app_user WHERE user_id = @Id", new { Id = self })).Should().Be(0);
        (await App.QueryAsync<string>("SELECT detail FROM access_log WHERE object_type = 'user' AND object_id = @Email ORDER BY at_utc", new { Email = App.People.OtherAuditor }))
            .Should().Equal("disabled", "enabled");
    }

    [Fact]
    public async Task Another_partnerships_user_is_page_not_found_for_every_action()
    {
        using var client = await App.SignedInAsync(App.People.OtherPartnershipManager);
        var id = await UserIdAsync(App.People.Viewer);
        var token = (await client.GetAsync("/users/add")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var withToken = new Dictionary<string, string> { ["__RequestVerificationToken"] = token };

        foreach (var url in new[] { $"/users/{id}", $"/users/{id}/disable", $"/users/{id}/reset-password", $"/users/{id}/password" })
        {
            (await client.GetAsync(url)).Status.Should().Be(HttpStatusCode.NotFound, url);
        }

        (await client.PostAsync($"/users/{id}/disable", withToken)).Status.Should().Be(HttpStatusCode.NotFound);
        (await client.PostAsync($"/users/{id}/reset-password", withToken)).Status.Should().Be(HttpStatusCode.NotFound);
        (await client.PostAsync($"/users/{id}?handler=Enable", withToken)).Status.Should().Be(HttpStatusCode.NotFound);
        (await App.ScalarAsync<int>("SELECT disabled FROM app_user WHERE user_id = @Id", new { Id = id })).Should().Be(0);
        using var viewer = App.Client();
        (await viewer.SignInAsync(App.People.Viewer, DemoPartnership.Password)).Location.Should().Be("/dashboard", "the viewer's password was not reset");
    }

    [Fact]
    public async Task Changes_need_the_anti_forgery_token_and_users_are_for_managers_only()
    {
        using var manager = await App.SignedInAsync(App.People.Manager);
        var id = await UserIdAsync(App.People.Viewer);

        (await manager.PostAsync("/users/add", new Dictionary<string, string> { ["Input.Name"] = "X", ["Input.Email"] = "x@demo.test", ["Input.Role"] = "viewer" }))
            .Status.Should().Be(HttpStatusCode.BadRequest);
        (await manager.PostAsync($"/users/{id}/disable", new Dictionary<string, string>())).Status.Should().Be(HttpStatusCode.BadRequest);
        (await manager.PostAsync($"/users/{id}/reset-password", new Dictionary<string, string>())).Status.Should().Be(HttpStatusCode.BadRequest);
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM app_user WHERE email = 'x@demo.test'")).Should().Be(0);
        foreach (var email in new[] { App.People.Moderator, App.People.Viewer, App.People.School, App.People.Auditor })
        {
            using var client = await App.SignedInAsync(email);
            (await client.GetAsync("/users")).Location.Should().StartWith("http://localhost/forbidden", email);
            (await client.GetAsync($"/users/{id}")).Location.Should().StartWith("http://localhost/forbidden", email);
        }
    }

    private Task<string> UserIdAsync(string email) => App.ScalarAsync<string>("SELECT user_id FROM app_user WHERE email = @Email", new { Email = email });
}
