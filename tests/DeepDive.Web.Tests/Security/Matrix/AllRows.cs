namespace DeepDive.Web.Tests.Security.Matrix;

/// <summary>Every area's rows: each <see cref="IRouteRows"/> of this assembly, with the area's name.</summary>
public static class AllRows
{
    public static IReadOnlyList<(string Area, RouteRow Row)> Of(MatrixData data) =>
        [.. typeof(IRouteRows).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRouteRows).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => ((IRouteRows)Activator.CreateInstance(t)!).Rows(data).Select(r => (t.Name, r)))];

    /// <summary>Where and as whom a route is reached: the first case of its row that lets a signed-in user in, if any.</summary>
    public static (string Url, Who Who)? Reaching(RouteRow row, MatrixData data) =>
        row.Cases.SelectMany(c => Enum.GetValues<Who>().Where(w => w != Who.Anonymous && c.Expect.For(w) == Outcome.Allowed).Select(w => (c.Url(data), w)))
            .Cast<(string, Who)?>().FirstOrDefault();
}
