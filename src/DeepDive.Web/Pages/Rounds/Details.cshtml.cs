using DeepDive.Domain.Users;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Rounds;

/// <summary>
/// A round's page: when and why it opened, its tasks by status with auditor and due date, the tasks no auditor could
/// take with each auditor's excluding rule, and its sampling report (also as CSV). Case-level data: the view is logged.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailsModel(
    CurrentUser user, RoundStore rounds, RoundTasksQuery tasks, SampleReport reports, Database database, Scope scope, AccessRecorder access,
    TimeProvider clock) : PageModel
{
    /// <summary>The order task groups are shown in: what needs chasing first.</summary>
    public static readonly string[] TaskStates = ["Overdue", "Due soon", "Open", "Unassigned", "Submitted late", "Submitted"];

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public RoundDetail Round { get; private set; } = null!;

    public RoundSummary Summary { get; private set; } = null!;

    public IReadOnlyList<(string State, IReadOnlyList<RoundTasksQuery.Entry> Tasks)> TasksByState { get; private set; } = [];

    public SampleReport.Model Sample { get; private set; } = null!;

    public string? Message { get; private set; }

    public bool IsManager => user.Role == Role.Manager;

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Round = scope.Round(await rounds.DetailAsync(user.PartnershipId, Id, cancellationToken));
        Now = clock.GetUtcNow().UtcDateTime;
        Summary = (await RoundSummary.ListAsync(database, user.PartnershipId, Round.RoundId, withUnassigned: true, cancellationToken)).Single();
        var list = await tasks.ListAsync(user.PartnershipId, Round.RoundId, cancellationToken);
        TasksByState = [.. list.GroupBy(t => RoundText.TaskState(t, Now))
            .OrderBy(g => Array.IndexOf(TaskStates, g.Key))
            .Select(g => (g.Key, (IReadOnlyList<RoundTasksQuery.Entry>)[.. g]))];
        Sample = await reports.LoadAsync(user.PartnershipId, Round.RoundId, cancellationToken);
        await access.ViewedAsync("round", Round.RoundId, cancellationToken, "round page: tasks, unassigned tasks and sampling report");
        Message = TempData[RoundMessages.Key] as string;
        return Page();
    }
}
