using DeepDive.Engine.Tasks;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Tasks;

/// <summary>"Check your answers": the saved answers with a "Change" link to each, then "Submit", which hands them to the engine.</summary>
[Authorize(Policy = Policies.Tasks)]
public sealed class CheckModel(TaskDesk desk) : PageModel
{
    public TaskDesk.OpenTask Task { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Task = await desk.OpenAsync(TaskIds.FromRoute(RouteData.Values), cancellationToken);
        return Ready() ? Page() : Redirect(TaskIds.Url(Task.TaskId));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Task = await desk.OpenAsync(TaskIds.FromRoute(RouteData.Values), cancellationToken, logView: false);
        if (!Task.Submitted && !Ready())
        {
            return Task.MayAnswer ? Redirect(TaskIds.Url(Task.TaskId)) : StatusCode(StatusCodes.Status403Forbidden);
        }

        switch (await desk.SubmitAsync(Task, Task.Answers!, cancellationToken))
        {
            case TaskDesk.Outcome.AlreadySubmitted:
                Task = await desk.OpenAsync(Task.TaskId, cancellationToken, logView: false);
                return TaskModel.AlreadySubmitted(this);
            case TaskDesk.Outcome.NotTheirs:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                return Redirect(TaskIds.Url(Task.TaskId, "submitted"));
        }
    }

    /// <summary>Whether there is something to check: the user's own open task with a draft that keeps every rule.</summary>
    private bool Ready() => Task is { Submitted: false, MayAnswer: true, Answers: { } answers } && AnswerRules.Check(answers, complete: true).Count == 0;
}
