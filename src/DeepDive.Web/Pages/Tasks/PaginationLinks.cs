namespace DeepDive.Web.Pages.Tasks;

/// <summary>GOV.UK pagination: the page shown, how many there are, and each page's address. The first, the last and the pages beside the current one are linked; gaps show as an ellipsis.</summary>
public sealed record PaginationLinks(int Page, int PageCount, Func<int, string> Href)
{
    /// <summary>The page numbers to link, in order, with null for a gap.</summary>
    public IEnumerable<int?> Items()
    {
        int? previous = null;
        for (var page = 1; page <= PageCount; page++)
        {
            if (page != 1 && page != PageCount && Math.Abs(page - Page) > 1)
            {
                continue;
            }

            if (previous is { } p && page - p > 1)
            {
                yield return null;
            }

            yield return page;
            previous = page;
        }
    }
}
