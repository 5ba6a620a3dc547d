using DeepDive.Engine.Rounds;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Rounds;

/// <summary>A round's sampling report as CSV: every case of its lists, how it came in and why. The download is logged.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SampleCsvModel(CurrentUser user, RoundStore rounds, SampleReport reports, Scope scope, AccessRecorder access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var round = scope.Round(await rounds.DetailAsync(user.PartnershipId, Id, cancellationToken));
        var report = await reports.LoadAsync(user.PartnershipId, round.RoundId, cancellationToken);
        await access.ViewedAsync("sample", round.RoundId, cancellationToken, "sampling report downloaded as CSV");
        return File(System.Text.Encoding.UTF8.GetBytes(SampleReport.Render(report, "csv")), "text/csv; charset=utf-8", $"sample-{round.RoundId}.csv");
    }
}
