namespace DeepDive.Web.Components;

/// <summary>
/// Which page of a long list to show: the page asked for (kept within the pages there are), its size and the total.
/// <see cref="Href"/> makes the link to another page, keeping the list's other query values.
/// </summary>
public sealed record Paging(int Page, int PageSize, int Total, Func<int, string> Href)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int Offset => (Page - 1) * PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>"Showing 26 to 50 of 1,200".</summary>
    public string Showing => Total == 0 ? "" : $"Showing {Counted.Number(Offset + 1)} to {Counted.Number(Math.Min(Offset + PageSize, Total))} of {Counted.Number(Total)}";

    /// <summary>The page numbers to link, with null for an ellipsis: the first, the last, and those next to the current one.</summary>
    public IEnumerable<int?> Items()
    {
        int? previous = null;
        for (var page = 1; page <= PageCount; page++)
        {
            if (page == 1 || page == PageCount || Math.Abs(page - Page) <= 1)
            {
                if (previous is { } p && page - p > 1)
                {
                    yield return null;
                }

                previous = page;
                yield return page;
            }
        }
    }

    /// <summary>The paging of a list of <paramref name="total"/> items, on the page asked for (1 if it is not a page there is).</summary>
    public static Paging Of(int? page, int pageSize, int total, Func<int, string> href)
    {
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new Paging(page is { } p && p >= 1 && p <= pages ? p : 1, pageSize, total, href);
    }

    /// <summary>
    /// The page asked for in the query (<c>?page=2</c>), or null. Read from the query itself: in Razor Pages a bound
    /// property named "page" would get the route value of that name, which is the page's path.
    /// </summary>
    public static int? Requested(HttpRequest request) =>
        int.TryParse(request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : null;

    /// <summary>A page number as a query value: none for the first page, so its address is the list's own.</summary>
    public static string? QueryValue(int page) => page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A URL with query values, leaving out empty ones: <c>Url("/register/cases", ("q", q), ("page", "2"))</c>.</summary>
    public static string Url(string path, params (string Name, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
    }
}
