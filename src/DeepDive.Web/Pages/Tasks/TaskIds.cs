namespace DeepDive.Web.Pages.Tasks;

/// <summary>
/// A task's id in a URL. Ids hold slashes (round/case/agency), so links escape them as %2F, which the server leaves
/// escaped in the route value; the unescaped form (round, case and agency as three segments) is taken too, as a person
/// or a script may write it.
/// </summary>
public static class TaskIds
{
    public static string FromRoute(string taskId, string? caseRef = null, string? agency = null)
    {
        var id = taskId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        return caseRef is null || agency is null ? id : $"{id}/{caseRef}/{agency}";
    }

    /// <summary>The task from the route values of a page or endpoint mapped as <c>{taskId}</c> or <c>{taskId}/{caseRef}/{agency}</c>.</summary>
    public static string FromRoute(RouteValueDictionary values) =>
        FromRoute(values["taskId"]?.ToString() ?? "", values["caseRef"]?.ToString(), values["agency"]?.ToString());

    /// <summary>The task's page, or one of its pages (check, submitted).</summary>
    public static string Url(string taskId, string? then = null) => $"/tasks/{Uri.EscapeDataString(taskId)}{(then is null ? "" : "/" + then)}";
}
