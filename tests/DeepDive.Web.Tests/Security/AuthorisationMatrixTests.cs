using System.Text;
using DeepDive.Web.Tests.Security.Matrix;
using DeepDive.Web.Tests.Support;
using Xunit.Abstractions;

namespace DeepDive.Web.Tests.Security;

/// <summary>
/// The authorisation matrix: every route of the app (each Razor page handler and each API endpoint, from the app's own
/// endpoint list) tried as every kind of user (<see cref="Who"/>), on objects in and out of their scope, against the
/// expectations written per area in <c>Security/Rows/</c>. How to add an area's rows: see <see cref="IRouteRows"/>.
/// </summary>
public sealed class AuthorisationMatrixTests(AuthorisationMatrixTests.Fixture fixture, ITestOutputHelper output)
    : IClassFixture<AuthorisationMatrixTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public TestApp App { get; private set; } = null!;

        public MatrixRunner Runner { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await TestApp.StartAsync();
            Runner = await MatrixRunner.StartAsync(App);
        }

        public async Task DisposeAsync()
        {
            Runner.Dispose();
            await App.DisposeAsync();
        }
    }

    private IReadOnlyList<(string Area, RouteRow Row)> Rows() => AllRows.Of(fixture.Runner.Data);

    [Fact]
    public void Every_route_of_the_app_has_rows_and_every_row_is_a_route_of_the_app()
    {
        var routes = AppRoutes.Of(fixture.App.Services);
        var rows = Rows();

        var twice = rows.GroupBy(r => r.Row.Key).Where(g => g.Count() > 1).Select(g => $"{g.Key} (in {string.Join(", ", g.Select(r => r.Area))})");
        twice.Should().BeEmpty("each route's rows live in one place");
        var missing = string.Join(Environment.NewLine, routes.Except(rows.Select(r => r.Row.Key)));
        missing.Should().BeEmpty("every route needs rows saying who may use it: add them to its area's class in Security/Rows (see IRouteRows)");
        var stale = rows.Where(r => !routes.Contains(r.Row.Key)).Select(r => $"{r.Row.Key} (in {r.Area})");
        stale.Should().BeEmpty("a row names a route the app does not have (renamed or removed?)");
        rows.Where(r => r.Row.Cases.Count == 0).Select(r => r.Row.Key).Should().BeEmpty("a row needs at least one case");
    }

    [Fact]
    public async Task Every_route_gives_each_kind_of_user_what_the_matrix_expects()
    {
        var failures = new List<string>();
        var table = new StringBuilder();
        var everyone = Enum.GetValues<Who>();
        table.AppendLine($"{"route",-52} {"case",-30} {string.Join(" ", everyone.Select(w => $"{Short(w),-9}"))}");
        foreach (var (area, row) in Rows())
        {
            foreach (var routeCase in row.Cases)
            {
                table.Append($"{row.Key,-52} {routeCase.Name,-30}");
                foreach (var who in everyone)
                {
                    var expected = routeCase.Expect.For(who);
                    var got = await fixture.Runner.CheckAsync(row, routeCase, who, expected);
                    table.Append($" {(got is null ? expected.Name : "WRONG"),-9}");
                    if (got is not null)
                    {
                        failures.Add($"{row.Key} ({routeCase.Name}, {area}) as {who}: expected {expected}, got {got}");
                    }
                }

                table.AppendLine();
            }
        }

        output.WriteLine(table.ToString());
        string.Join(Environment.NewLine, failures).Should().BeEmpty("every cell that differs from the matrix is listed");
    }

    private static string Short(Who who) => who switch
    {
        Who.OtherPartnershipManager => "other-mgr",
        _ => who.ToString().ToLowerInvariant(),
    };
}
