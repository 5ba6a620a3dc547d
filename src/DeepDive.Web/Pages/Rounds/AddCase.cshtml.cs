using DeepDive.Engine.Cases;
using DeepDive.Engine.Rounds;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DeepDive.Web.Pages.Rounds;

/// <summary>Adds a case of the register to a draw under review by hand, with the reason; it is always labelled as added by hand.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class AddCaseModel(CurrentUser user, RoundStore rounds, SampleReport reports, SampleList samples, CaseStore cases, Scope scope, AccessRecorder access)
    : ReviewPage(user, rounds, reports, scope)
{
    public sealed class AddInput
    {
        public string CaseRef { get; set; } = "";
        public string Reason { get; set; } = "";
    }

    [BindProperty]
    public AddInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadForChangeAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadForChangeAsync(cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }

        var caseRef = (Input.CaseRef ?? "").Trim();
        var reason = (Input.Reason ?? "").Trim();
        if (caseRef.Length == 0)
        {
            ModelState.AddModelError("Input.CaseRef", "Enter the case reference");
        }
        else if (Report.Cases.FirstOrDefault(c => c.CaseRef == caseRef) is { } listed)
        {
            ModelState.AddModelError("Input.CaseRef", listed.List switch
            {
                SampleList.Sample => $"Case {caseRef} is already number {listed.Position} of the sample",
                SampleList.Reserve => $"Case {caseRef} is on the reserve list. To bring it in, replace a case of the sample",
                _ => $"Case {caseRef} was replaced in this round, so it cannot come back into the sample",
            });
        }
        else if (await cases.GetAsync(PartnershipId, caseRef, cancellationToken) is null)
        {
            ModelState.AddModelError("Input.CaseRef", $"There is no case {caseRef} in the case register. Check the reference");
        }

        if (reason.Length == 0)
        {
            ModelState.AddModelError("Input.Reason", "Enter why this case is being added");
        }
        else if (reason.Length > ReplaceModel.ReasonLength)
        {
            ModelState.AddModelError("Input.Reason", $"Reason must be {ReplaceModel.ReasonLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            ViewData["ErrorOrder"] = new[] { "Input.CaseRef", "Input.Reason" };
            return Page();
        }

        SampleList.Addition added;
        try
        {
            added = await samples.AddAsync(PartnershipId, Round.RoundId, caseRef, By, reason, cancellationToken);
        }
        catch (SampleListRefusedException e)
        {
            ModelState.AddModelError("Input.CaseRef", e.Message);
            return Page();
        }

        await access.ChangedAsync("sample", Round.RoundId, $"added case {added.CaseRef} by hand: {reason}", cancellationToken);
        return BackToReview($"Case {added.CaseRef} added by hand as number {added.Position} of the sample.");
    }
}
