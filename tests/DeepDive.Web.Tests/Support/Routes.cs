using Microsoft.AspNetCore.Routing.Patterns;

namespace DeepDive.Web.Tests.Support;

/// <summary>Addresses made from the app's own route patterns.</summary>
public static class Routes
{
    /// <summary>
    /// A URL that matches <paramref name="pattern"/>: each parameter takes <paramref name="values"/>' value when given,
    /// else a value its constraints accept (1 for a number, an empty GUID, "x" otherwise).
    /// </summary>
    public static string Url(RoutePattern pattern, IReadOnlyDictionary<string, string>? values = null)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when values?.TryGetValue(parameter.Name, out var value) == true => Uri.EscapeDataString(value),
            RoutePatternParameterPart parameter => SampleValue(parameter),
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Any(c => c is "int" or "long" or "decimal" or "double" or "float" || c.StartsWith("min", StringComparison.Ordinal) || c.StartsWith("range", StringComparison.Ordinal)))
        {
            return "1";
        }

        return constraints.Contains("guid") ? Guid.Empty.ToString() : "x";
    }
}
