using DeepDive.Web.Pages.Tasks;
using DeepDive.Web.Tests.Security.Matrix;
using static DeepDive.Web.Tests.Security.Matrix.Who;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>
/// Deep-dive tasks, pages and API (policy Tasks: auditors, managers, moderators). A manager or moderator sees any task
/// of the partnership but answers none (403); an auditor sees and answers only their own, while its round is open; any
/// other task, and every task for another partnership's manager, is 404. Posts carry no answers (or empty ones), so
/// nothing is submitted.
/// </summary>
public sealed class TasksRows : IRouteRows
{
    private const string Page = "/tasks/{taskId}/{caseRef?}/{agency?}";
    private const string Api = "/api/v1/tasks/{taskId}";
    private const string ApiUnescaped = "/api/v1/tasks/{taskId}/{caseRef}/{agency}";

    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/tasks").Expect(Expect.Only(Auditor, Manager, Moderator, OtherPartnershipManager)),
        Seen(RouteRow.Get(Page), d => TaskIds.Url(d.AssignedTaskId), d => TaskIds.Url(d.OtherAuditorTaskId), d => TaskIds.Url(d.ClosedRoundTaskId)),
        Answered(RouteRow.Post(Page), d => TaskIds.Url(d.AssignedTaskId), d => TaskIds.Url(d.OtherAuditorTaskId)),
        Answered(RouteRow.Post(Page, handler: "draft"), d => TaskIds.Url(d.AssignedTaskId), d => TaskIds.Url(d.OtherAuditorTaskId)),
        Seen(RouteRow.Get("/tasks/{taskId}/check"), d => TaskIds.Url(d.AssignedTaskId, "check"), d => TaskIds.Url(d.OtherAuditorTaskId, "check"),
            d => TaskIds.Url(d.ClosedRoundTaskId, "check")),
        // Without a complete draft, "Submit" sends the auditor back to the task; it submits nothing.
        Answered(RouteRow.Post("/tasks/{taskId}/check"), d => TaskIds.Url(d.AssignedTaskId, "check"), d => TaskIds.Url(d.OtherAuditorTaskId, "check")),
        // Not yet submitted: back to the task for whoever may see it. The auditor's own confirmation stays theirs after
        // the round closes (their submission may be what closed it), showing nothing of the case.
        RouteRow.Get("/tasks/{taskId}/submitted")
            .Case("assigned to the auditor", d => TaskIds.Url(d.AssignedTaskId, "submitted"),
                Expect.Only(Auditor, Manager, Moderator).Except(Outcome.NotFound, OtherPartnershipManager))
            .Case("assigned to another auditor", d => TaskIds.Url(d.OtherAuditorTaskId, "submitted"),
                Expect.Only(Manager, Moderator).Except(Outcome.NotFound, Auditor, OtherPartnershipManager))
            .Case("the auditor's, round closed", d => TaskIds.Url(d.ClosedRoundTaskId, "submitted"),
                Expect.Only(Auditor, Manager, Moderator).Except(Outcome.NotFound, OtherPartnershipManager)),

        RouteRow.Get("/api/v1/tasks/").Expect(Expect.Only(Auditor, Manager, Moderator, OtherPartnershipManager)),
        Seen(RouteRow.Get(Api), d => ApiUrl(d.AssignedTaskId), d => ApiUrl(d.OtherAuditorTaskId), d => ApiUrl(d.ClosedRoundTaskId)),
        Seen(RouteRow.Get(ApiUnescaped), d => $"/api/v1/tasks/{d.AssignedTaskId}", d => $"/api/v1/tasks/{d.OtherAuditorTaskId}",
            d => $"/api/v1/tasks/{d.ClosedRoundTaskId}"),
        Answered(RouteRow.Put(Api + "/draft"), d => ApiUrl(d.AssignedTaskId, "draft"), d => ApiUrl(d.OtherAuditorTaskId, "draft")),
        Answered(RouteRow.Put(ApiUnescaped + "/draft"), d => $"/api/v1/tasks/{d.AssignedTaskId}/draft", d => $"/api/v1/tasks/{d.OtherAuditorTaskId}/draft"),
        // An empty object is not a complete set of answers: 400 for the auditor, after every check of who may answer.
        Answered(RouteRow.Post(Api + "/answers"), d => ApiUrl(d.AssignedTaskId, "answers"), d => ApiUrl(d.OtherAuditorTaskId, "answers")),
        Answered(RouteRow.Post(ApiUnescaped + "/answers"), d => $"/api/v1/tasks/{d.AssignedTaskId}/answers",
            d => $"/api/v1/tasks/{d.OtherAuditorTaskId}/answers"),
    ];

    private static string ApiUrl(string taskId, string? then = null) => "/api/v1" + TaskIds.Url(taskId, then);

    /// <summary>Reading a task: managers and moderators any; the auditor their own open one; no one else's, nor a closed round's.</summary>
    private static RouteRow Seen(RouteRow row, Func<MatrixData, string> assigned, Func<MatrixData, string> othersTask, Func<MatrixData, string> closedRound) => row
        .Case("assigned to the auditor", assigned, Expect.Only(Auditor, Manager, Moderator).Except(Outcome.NotFound, OtherPartnershipManager))
        .Case("assigned to another auditor", othersTask, Expect.Only(Manager, Moderator).Except(Outcome.NotFound, Auditor, OtherPartnershipManager))
        .Case("the auditor's, round closed", closedRound, Expect.Only(Manager, Moderator).Except(Outcome.NotFound, Auditor, OtherPartnershipManager));

    /// <summary>Answering a task: only the auditor it is assigned to; managers and moderators who may see it are refused (403).</summary>
    private static RouteRow Answered(RouteRow row, Func<MatrixData, string> assigned, Func<MatrixData, string> othersTask) => row
        .Case("assigned to the auditor", assigned, Expect.Only(Auditor).Except(Outcome.NotFound, OtherPartnershipManager))
        .Case("assigned to another auditor", othersTask, Expect.Only().Except(Outcome.NotFound, Auditor, OtherPartnershipManager));
}
