using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>
/// The auditor's pages and API. Auditors, managers and moderators reach the task area; schools and viewers do not. An
/// auditor sees only the tasks assigned to them (another auditor's is 404); another partnership's manager finds
/// neither of the demo partnership's tasks (404).
/// </summary>
public sealed class TaskRows : IRouteRows
{
    private static readonly Who[] TaskRoles = [Who.Manager, Who.Moderator, Who.Auditor, Who.OtherPartnershipManager];

    private static Expect Own() => Expect.Only(TaskRoles).Except(Outcome.NotFound, Who.OtherPartnershipManager);

    private static Expect OtherAuditors() => Own().Except(Outcome.NotFound, Who.Auditor);

    /// <summary>Answering is the assigned auditor's alone: managers and moderators may read a task, not answer it.</summary>
    private static Expect Answer() => Expect.Only(Who.Auditor);

    private static Expect AnswerOthers() => Answer().Except(Outcome.NotFound, Who.Auditor);

    private static string Page(string taskId, string? then = null) => $"/tasks/{Uri.EscapeDataString(taskId)}{(then is null ? "" : "/" + then)}";

    /// <summary>The API takes a task id escaped as one segment, or with its slashes as they are (three segments).</summary>
    private static IEnumerable<RouteRow> ApiRows(string pattern, Func<string, string> id)
    {
        string Url(string taskId, string? then = null) => $"/api/v1/tasks/{id(taskId)}{(then is null ? "" : "/" + then)}";
        yield return RouteRow.Get("/api/v1/tasks" + pattern)
            .Case("an assigned task", d => Url(d.AssignedTaskId), Own())
            .Case("another auditor's task", d => Url(d.OtherAuditorTaskId), OtherAuditors());
        yield return RouteRow.Put("/api/v1/tasks" + pattern + "/draft")
            .Case("an assigned task", d => Url(d.AssignedTaskId, "draft"), Answer())
            .Case("another auditor's task", d => Url(d.OtherAuditorTaskId, "draft"), AnswerOthers());
        yield return RouteRow.Post("/api/v1/tasks" + pattern + "/answers")
            .Case("an assigned task", d => Url(d.AssignedTaskId, "answers"), Answer())
            .Case("another auditor's task", d => Url(d.OtherAuditorTaskId, "answers"), AnswerOthers());
    }

    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/tasks").Expect(Expect.Only(TaskRoles)),
        RouteRow.Get("/tasks/{taskId}/{caseRef?}/{agency?}")
            .Case("an assigned task", d => Page(d.AssignedTaskId), Own())
            .Case("another auditor's task", d => Page(d.OtherAuditorTaskId), OtherAuditors()),
        RouteRow.Post("/tasks/{taskId}/{caseRef?}/{agency?}")
            .Case("an assigned task", d => Page(d.AssignedTaskId), Answer())
            .Case("another auditor's task", d => Page(d.OtherAuditorTaskId), AnswerOthers()),
        RouteRow.Post("/tasks/{taskId}/{caseRef?}/{agency?}", "draft")
            .Case("an assigned task", d => Page(d.AssignedTaskId) + "?handler=draft", Answer())
            .Case("another auditor's task", d => Page(d.OtherAuditorTaskId) + "?handler=draft", AnswerOthers()),
        RouteRow.Get("/tasks/{taskId}/check")
            .Case("an assigned task", d => Page(d.AssignedTaskId, "check"), Own())
            .Case("another auditor's task", d => Page(d.OtherAuditorTaskId, "check"), OtherAuditors()),
        RouteRow.Post("/tasks/{taskId}/check")
            .Case("an assigned task", d => Page(d.AssignedTaskId, "check"), Answer())
            .Case("another auditor's task", d => Page(d.OtherAuditorTaskId, "check"), AnswerOthers()),
        RouteRow.Get("/tasks/{taskId}/submitted")
            .Case("an assigned task", d => Page(d.AssignedTaskId, "submitted"), Own())
            .Case("another auditor's task", d => Page(d.OtherAuditorTaskId, "submitted"), OtherAuditors()),
        RouteRow.Get("/api/v1/tasks/").Case("the caller's tasks", _ => "/api/v1/tasks", Expect.Only(TaskRoles)),
        .. ApiRows("/{taskId}", Uri.EscapeDataString),
        .. ApiRows("/{taskId}/{caseRef}/{agency}", id => id),
    ];
}
