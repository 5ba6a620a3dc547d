using DeepDive.Domain.Assignment;
using DeepDive.Domain.DeepDives;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Web.Components;
using DeepDive.Web.Security;

namespace DeepDive.Web.Pages.Tasks;

/// <summary>
/// What the task pages and the tasks API do, once: list the user's tasks, open one (with its case, round, and answers
/// so far), save a draft and submit. Every task goes through <see cref="Scope"/>, every view and change into the access log.
/// </summary>
public sealed class TaskDesk(
    AuditorTaskQuery query, TaskDraftStore drafts, TaskBoard board, CalendarStore calendars, Scope scope, AccessRecorder access, TimeProvider clock)
{
    public const int PageSize = 25;
    private const string ObjectType = "task";

    /// <summary>Where a task stands for the person looking at it, most pressing first.</summary>
    public enum State
    {
        Overdue,
        DueSoon,
        DraftSaved,
        Open,
        Unassigned,
        Submitted,
    }

    /// <summary>A state as a tag shows it ("due soon") and as the API writes it ("due-soon").</summary>
    public static string Label(State state) => state switch
    {
        State.DueSoon => "due soon",
        State.DraftSaved => "draft saved",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Code(State state) => Label(state).Replace(' ', '-');

    public sealed record Listed(AuditorTaskQuery.Row Task, State State);

    public sealed record TaskList(IReadOnlyList<Listed> Tasks, int Total, int Page, int PageCount, bool Submitted);

    /// <summary>One task as its pages show it. <see cref="Answers"/> are the submitted ones, or else the draft's (null when there is none).</summary>
    public sealed record OpenTask(
        AuditorTaskQuery.Detail Task, State State, bool MayAnswer, TaskSubmission? Answers, DateTime? DraftSavedUtc, IReadOnlyList<string> Sections)
    {
        public string TaskId => Task.TaskId;

        public bool Submitted => Task.Submitted;
    }

    public enum Outcome
    {
        Done,
        AlreadySubmitted,
        NotTheirs,
    }

    /// <summary>A page of the user's tasks to do (due-date order) or submitted (latest first); 404 for a page past the last.</summary>
    public async Task<TaskList> ListAsync(bool submitted, int page, CancellationToken cancellationToken)
    {
        var filter = scope.TaskList(submitted);
        page = Math.Max(page, 1);
        var found = await query.ListAsync(filter, (page - 1) * PageSize, PageSize, cancellationToken);
        var pageCount = Math.Max(1, (found.Total + PageSize - 1) / PageSize);
        if (page > pageCount)
        {
            throw new NotFoundException("task list page");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = submitted ? null : await calendars.ForPartnershipAsync(scope.PartnershipId, schoolHolidays: false, cancellationToken);
        var tasks = found.Rows.Select(row => new Listed(row, submitted
            ? State.Submitted
            : StateOf(row.DueUtc, now, calendar!, row.HasDraft, row.AuditorId is null))).ToList();
        if (tasks.Count > 0)
        {
            await access.ViewedAsync("task list", submitted ? "submitted" : "to do", cancellationToken,
                $"page {page} of {pageCount}: {string.Join(", ", tasks.Select(t => t.Task.TaskId))}");
        }

        return new TaskList(tasks, found.Total, page, pageCount, submitted);
    }

    /// <summary>The task if the user may see it (else 404), with its answers so far; the view is logged unless <paramref name="logView"/> is false (a form post logs its change instead).</summary>
    public async Task<OpenTask> OpenAsync(string taskId, CancellationToken cancellationToken, bool logView = true)
    {
        var task = scope.Task(await query.GetAsync(scope.PartnershipId, taskId, cancellationToken));
        if (logView)
        {
            await access.ViewedAsync(ObjectType, task.TaskId, cancellationToken);
        }

        return await LoadAsync(task, cancellationToken);
    }

    /// <summary>A submitted task for its confirmation page (<see cref="Scope.SubmittedTask"/>); null when the task is one the user may see but not yet submitted.</summary>
    public async Task<OpenTask?> ConfirmationAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = await query.GetAsync(scope.PartnershipId, taskId, cancellationToken);
        if (task is { Submitted: false } && scope.MaySee(task))
        {
            return null;
        }

        task = scope.SubmittedTask(task);
        await access.ViewedAsync(ObjectType, task.TaskId, cancellationToken, "confirmation of submission");
        return await LoadAsync(task, cancellationToken);
    }

    /// <summary>Saves the answers as the task's draft, with the access log's entry in the same transaction.</summary>
    public async Task<Outcome> SaveDraftAsync(OpenTask task, TaskSubmission answers, CancellationToken cancellationToken)
    {
        if (Refused(task) is { } refused)
        {
            return refused;
        }

        await drafts.SaveAsync(scope.PartnershipId, task.TaskId, scope.User.AuditorId!, answers,
            (connection, transaction, ct) => access.ChangedAsync(connection, transaction, ObjectType, task.TaskId, "saved a draft", ct), cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Submits the answers (the engine's <see cref="TaskBoard"/>: its event moves the deep dive on), with the access log's entry in the same transaction.</summary>
    public async Task<Outcome> SubmitAsync(OpenTask task, TaskSubmission answers, CancellationToken cancellationToken)
    {
        if (Refused(task) is { } refused)
        {
            return refused;
        }

        try
        {
            await board.SubmitAsync(scope.PartnershipId, task.TaskId, scope.User.AuditorId!, answers,
                (connection, transaction, ct) => access.ChangedAsync(connection, transaction, ObjectType, task.TaskId, "submitted the answers", ct),
                cancellationToken);
            return Outcome.Done;
        }
        catch (TaskRefusedException)
        {
            // Submitted meanwhile, from another tab or the API; any other refusal stands.
            if ((await query.GetAsync(scope.PartnershipId, task.TaskId, cancellationToken))?.Submitted == true)
            {
                return Outcome.AlreadySubmitted;
            }

            throw;
        }
    }

    private static Outcome? Refused(OpenTask task) =>
        task.Submitted ? Outcome.AlreadySubmitted : !task.MayAnswer ? Outcome.NotTheirs : null;

    private async Task<OpenTask> LoadAsync(AuditorTaskQuery.Detail task, CancellationToken cancellationToken)
    {
        var sections = AuditToolSections.Of(task.Cycle.AuditTool);
        if (task.Submitted)
        {
            return new OpenTask(task, State.Submitted, false, await query.SubmittedAnswersAsync(task, cancellationToken), null, sections);
        }

        var draft = await drafts.GetAsync(scope.PartnershipId, task.TaskId, cancellationToken);
        var calendar = await calendars.ForPartnershipAsync(scope.PartnershipId, schoolHolidays: false, cancellationToken);
        var state = StateOf(task.DueUtc, clock.GetUtcNow().UtcDateTime, calendar, draft is not null, task.AuditorId is null);
        return new OpenTask(task, state, scope.MayAnswer(task), draft?.Answers, draft?.SavedUtc, sections);
    }

    private static State StateOf(DateTime dueUtc, DateTime nowUtc, Domain.Calendars.WorkingCalendar calendar, bool hasDraft, bool unassigned) =>
        TaskUrgencies.Of(dueUtc, nowUtc, calendar, UkTime.Zone) switch
        {
            TaskUrgency.Overdue => State.Overdue,
            TaskUrgency.DueSoon => State.DueSoon,
            _ when hasDraft => State.DraftSaved,
            _ when unassigned => State.Unassigned,
            _ => State.Open,
        };
}
