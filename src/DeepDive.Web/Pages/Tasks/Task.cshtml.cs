using DeepDive.Engine.Tasks;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Tasks;

/// <summary>
/// A task: its case, round and due date, and the answer form ("Save as draft" keeps the answers as they are;
/// "Continue" saves them too, then checks them and goes on to "Check your answers"). A submitted task shows its answers only.
/// </summary>
[Authorize(Policy = Policies.Tasks)]
public sealed class TaskModel(TaskDesk desk) : PageModel
{
    [BindProperty]
    public AnswersInput Input { get; set; } = new();

    /// <summary>Back from "Save as draft".</summary>
    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public TaskDesk.OpenTask Task { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Task = await desk.OpenAsync(TaskIds.FromRoute(RouteData.Values), cancellationToken);
        Input = AnswersInput.From(Task.Answers, Task.Sections);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => SaveAsync(andContinue: true, cancellationToken);

    public Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken) => SaveAsync(andContinue: false, cancellationToken);

    private async Task<IActionResult> SaveAsync(bool andContinue, CancellationToken cancellationToken)
    {
        Task = await desk.OpenAsync(TaskIds.FromRoute(RouteData.Values), cancellationToken, logView: false);
        if (Task.Submitted)
        {
            return AlreadySubmitted(this);
        }

        if (!Task.MayAnswer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var answers = Input.WithToolSections(Task.Sections).ToAnswers();
        if (ShowProblems(AnswerRules.Check(answers, complete: false)))
        {
            return Page();
        }

        if (await desk.SaveDraftAsync(Task, answers, cancellationToken) == TaskDesk.Outcome.AlreadySubmitted)
        {
            Task = await desk.OpenAsync(Task.TaskId, cancellationToken, logView: false);
            return AlreadySubmitted(this);
        }

        if (!andContinue)
        {
            return Redirect(TaskIds.Url(Task.TaskId) + "?saved=true");
        }

        return ShowProblems(AnswerRules.Check(answers, complete: true)) ? Page() : Redirect(TaskIds.Url(Task.TaskId, "check"));
    }

    private bool ShowProblems(IReadOnlyList<AnswerProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError(AnswersInput.FieldOf(problem), problem.Message);
        }

        return problems.Count > 0;
    }

    /// <summary>A change to a task already submitted: refused, plainly, with its answers as they were sent (409).</summary>
    internal static IActionResult AlreadySubmitted(PageModel page)
    {
        page.ModelState.Clear();
        page.ModelState.AddModelError("", "You have already submitted this task. Submitted answers cannot be changed.");
        page.Response.StatusCode = StatusCodes.Status409Conflict;
        return page.Page();
    }
}
