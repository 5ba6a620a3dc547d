using DeepDive.Engine.Tasks;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Web.Pages.Tasks;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DeepDive.Web.Api.Tasks;

/// <summary>
/// The deep-dive tasks of the caller, as their pages show them: the list, one task with its case and answers, saving a
/// draft and submitting the answers (the answers file's JSON shape). A task out of the caller's scope is 404, a task
/// already submitted 409, a task assigned to someone else 403 for a caller who may see it, a body that is not JSON 415.
/// </summary>
public sealed class TasksApi : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").RequireAuthorization(Policies.Tasks).WithTags("Tasks");
        tasks.MapGet("/", ListAsync).WithName("ListTasks")
            .WithSummary("The caller's tasks to do (most urgent first) or submitted (?show=submitted), 25 a page (?page=2)");

        // A task id holds slashes: the described routes take it escaped (%2F); the same routes take its three parts unescaped.
        foreach (var (id, described) in new[] { ("/{taskId}", true), ("/{taskId}/{caseRef}/{agency}", false) })
        {
            Describe(tasks.MapGet(id, GetAsync), described, "GetTask", "A task: its case, round, due date and answers (submitted, or the draft)");
            // The body is read by the answers file's own reader (its messages name each field); declared here for the description.
            Describe(tasks.MapPut(id + "/draft", SaveDraftAsync).Accepts<AnswersJson>("application/json"), described, "SaveTaskDraft",
                "Saves answers (the answers file's shape, any part of it) as the task's draft");
            Describe(tasks.MapPost(id + "/answers", SubmitAsync).Accepts<AnswersJson>("application/json"), described, "SubmitTaskAnswers",
                "Submits the answers (the answers file's shape); the deep dive moves on");
        }
    }

    private static void Describe(RouteHandlerBuilder endpoint, bool described, string name, string summary)
    {
        if (described)
        {
            endpoint.WithName(name).WithSummary(summary);
        }
        else
        {
            endpoint.ExcludeFromDescription();
        }
    }

    public sealed record TaskListJson(IReadOnlyList<TaskSummaryJson> Tasks, int Page, int PageCount, int Total);

    public sealed record TaskSummaryJson(
        string TaskId, string CaseRef, string Agency, RoundJson Round, string? AuditorId, string? AuditorName, DateTime DueUtc, string Status,
        DateTime? SubmittedUtc, string Url);

    public sealed record RoundJson(string RoundId, string Cycle, string? Theme, string? AuditTool = null, int? AuditToolVersion = null);

    public sealed record CaseJson(string CaseRef, string? CaseType, string? Team, string? School, DateOnly? OpenedOn);

    public sealed record AnswersJson(
        string Grade, IReadOnlyList<SectionAnswer> Sections, IReadOnlyList<string> GoodPractice, IReadOnlyList<string> AreasForDevelopment,
        IReadOnlyList<string> Recommendations, string? SafeguardingConcern);

    public sealed record TaskJson(
        string TaskId, string Status, bool MayAnswer, string Agency, CaseJson Case, RoundJson Round, string? AuditorId, string? AuditorName,
        DateTime DueUtc, DateTime? SubmittedUtc, bool Late, IReadOnlyList<string> Sections, AnswersJson? Answers, DateTime? DraftSavedUtc);

    public sealed record SavedJson(string TaskId, string Status, DateTime? DraftSavedUtc);

    private static async Task<Results<Ok<TaskListJson>, ValidationProblem>> ListAsync(TaskDesk desk, string? show, string? page, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (show is not (null or "to-do" or "submitted"))
        {
            errors["show"] = ["Use to-do or submitted"];
        }

        var number = 1;
        if (page is not null && (!int.TryParse(page, out number) || number < 1))
        {
            errors["page"] = ["Use a page number of 1 or more"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var list = await desk.ListAsync(show == "submitted", number, cancellationToken);
        return TypedResults.Ok(new TaskListJson(
            [.. list.Tasks.Select(t => new TaskSummaryJson(t.Task.TaskId, t.Task.CaseRef, t.Task.Agency, new RoundJson(t.Task.RoundId, t.Task.CycleName, t.Task.Theme),
                t.Task.AuditorId, t.Task.AuditorName, t.Task.DueUtc, TaskDesk.Code(t.State), t.Task.SubmittedUtc, TaskIds.Url(t.Task.TaskId)))],
            list.Page, list.PageCount, list.Total));
    }

    private static async Task<Ok<TaskJson>> GetAsync(TaskDesk desk, HttpRequest request, CancellationToken cancellationToken)
    {
        var open = await desk.OpenAsync(TaskIds.FromRoute(request.RouteValues), cancellationToken);
        var task = open.Task;
        var answers = open.Answers is { } a
            ? new AnswersJson(a.Grade, a.Sections, a.GoodPractice, a.AreasForDevelopment, a.Recommendations, a.SafeguardingConcern)
            : null;
        return TypedResults.Ok(new TaskJson(task.TaskId, TaskDesk.Code(open.State), open.MayAnswer, task.Agency,
            new CaseJson(task.CaseRef, task.CaseType, task.Team, task.School, task.CaseOpenedOn is { } on ? DateOnly.FromDateTime(on) : null),
            new RoundJson(task.RoundId, task.Cycle.Name, task.Cycle.Theme, task.Cycle.AuditTool, task.Cycle.AuditToolVersion),
            task.AuditorId, task.AuditorName, task.DueUtc, task.SubmittedUtc, task.Late, open.Sections, answers, open.DraftSavedUtc));
    }

    private static Task<Results<Ok<SavedJson>, ValidationProblem, ProblemHttpResult>> SaveDraftAsync(
        TaskDesk desk, HttpRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(desk, request, complete: false, cancellationToken);

    private static Task<Results<Ok<SavedJson>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        TaskDesk desk, HttpRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(desk, request, complete: true, cancellationToken);

    /// <summary>A draft (<paramref name="complete"/> false) or a submission: 404 out of scope, 409 already submitted, 403 not the caller's, 400 naming each field.</summary>
    private static async Task<Results<Ok<SavedJson>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        TaskDesk desk, HttpRequest request, bool complete, CancellationToken cancellationToken)
    {
        var task = await desk.OpenAsync(TaskIds.FromRoute(request.RouteValues), cancellationToken, logView: false);
        if (Refusal(task.Submitted ? TaskDesk.Outcome.AlreadySubmitted : task.MayAnswer ? TaskDesk.Outcome.Done : TaskDesk.Outcome.NotTheirs) is { } refused)
        {
            return refused;
        }

        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send JSON",
                detail: "Send the answers as JSON (Content-Type: application/json), in the answers file's shape.");
        }

        using var reader = new StreamReader(request.Body);
        var reading = AnswersFile.Read(await reader.ReadToEndAsync(cancellationToken), complete);
        if (reading.Answers is null)
        {
            return TypedResults.ValidationProblem(
                reading.Problems.GroupBy(p => p.Field.Length == 0 ? "body" : p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                title: complete ? "The answers cannot be submitted" : "The draft cannot be saved");
        }

        var outcome = complete
            ? await desk.SubmitAsync(task, reading.Answers, cancellationToken)
            : await desk.SaveDraftAsync(task, reading.Answers, cancellationToken);
        if (Refusal(outcome) is { } late)
        {
            return late;
        }

        if (complete)
        {
            return TypedResults.Ok(new SavedJson(task.TaskId, TaskDesk.Code(TaskDesk.State.Submitted), null));
        }

        var after = await desk.OpenAsync(task.TaskId, cancellationToken, logView: false);
        return TypedResults.Ok(new SavedJson(task.TaskId, TaskDesk.Code(after.State), after.DraftSavedUtc));
    }

    private static ProblemHttpResult? Refusal(TaskDesk.Outcome outcome) => outcome switch
    {
        TaskDesk.Outcome.AlreadySubmitted => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already submitted",
            detail: "This task has already been submitted. Submitted answers cannot be changed."),
        TaskDesk.Outcome.NotTheirs => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your task",
            detail: "Only the auditor this task is assigned to can save or submit its answers."),
        _ => null,
    };
}
