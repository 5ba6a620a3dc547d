using DeepDive.Domain.Assignment;
using DeepDive.Domain.Auditors;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Register;

/// <summary>Declares an auditor's conflict of interest with a case, a worker's cases or a team's cases (DeclaredConflictStore).</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class DeclareModel(DeclaredConflictStore conflicts, AuditorStore auditors, CaseStore cases, CurrentUser user, AccessRecorder access) : PageModel
{
    public const int MaxReasonLength = 2000;

    public sealed class DeclareInput
    {
        public string? AuditorId { get; set; }

        public string? Kind { get; set; }

        public string? Subject { get; set; }

        public string? Reason { get; set; }
    }

    [BindProperty]
    public DeclareInput Input { get; set; } = new();

    public IReadOnlyList<Auditor> Auditors { get; private set; } = [];

    public static IReadOnlyList<(ConflictSubject Kind, string Label, string Hint)> Kinds { get; } =
    [
        (ConflictSubject.Case, "One case", "For example, they know the family"),
        (ConflictSubject.Worker, "Every case of a worker", "For example, the worker is a relative or a close friend"),
        (ConflictSubject.Team, "Every case of a team", "For example, they used to work in that team"),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Auditors = await auditors.ListAsync(user.PartnershipId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Auditors = await auditors.ListAsync(user.PartnershipId, cancellationToken);
        var auditor = Auditors.FirstOrDefault(a => a.AuditorId == Input.AuditorId?.Trim());
        if (auditor is null)
        {
            ModelState.AddModelError("Input.AuditorId", "Select the auditor who has the conflict");
        }

        ConflictSubject? kind = Kinds.Select(k => (ConflictSubject?)k.Kind).FirstOrDefault(k => DeclaredConflict.Name(k!.Value) == Input.Kind);
        if (kind is null)
        {
            ModelState.AddModelError("Input.Kind", "Select what the conflict is with");
        }

        var subject = Input.Subject?.Trim() ?? "";
        if (subject.Length == 0)
        {
            ModelState.AddModelError("Input.Subject", kind switch
            {
                ConflictSubject.Case => "Enter the case reference",
                ConflictSubject.Worker => "Enter the worker's staff id",
                ConflictSubject.Team => "Enter the team",
                _ => "Enter the case reference, worker's staff id or team",
            });
        }
        else if (kind == ConflictSubject.Case && await cases.GetAsync(user.PartnershipId, subject, cancellationToken) is null)
        {
            ModelState.AddModelError("Input.Subject", $"There is no case {subject} in the case register: check the reference");
        }

        var reason = Input.Reason?.Trim() ?? "";
        if (reason.Length == 0)
        {
            ModelState.AddModelError("Input.Reason", "Enter why the auditor has a conflict");
        }
        else if (reason.Length > MaxReasonLength)
        {
            ModelState.AddModelError("Input.Reason", $"The reason must be {MaxReasonLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        DeclaredConflictStore.DeclareResult result;
        try
        {
            result = await conflicts.DeclareAsync(user.PartnershipId, auditor!.AuditorId, kind!.Value, subject, reason, $"{user.Name} ({user.Email})", cancellationToken);
        }
        catch (ArgumentException e)
        {
            // A race with an upload that removed the auditor or case: the store says which, and nothing was stored.
            ModelState.AddModelError("Input.Subject", e.Message);
            return Page();
        }

        var what = ConflictsModel.Subject(result.Conflict);
        await access.ChangedAsync("declared-conflict", $"{auditor.AuditorId}/{DeclaredConflict.Name(kind.Value)}/{subject}",
            $"{(result.Replaced ? "replaced" : "declared")}: {what}", cancellationToken);
        TempData["Success"] = $"{auditor.Name} will not be given {what.ToLowerInvariant()[0]}{what[1..]}{(result.Replaced ? " (their earlier declaration was replaced)" : "")}."
            + (result.Note is null ? "" : " " + result.Note);
        return Redirect("/register/conflicts");
    }
}
