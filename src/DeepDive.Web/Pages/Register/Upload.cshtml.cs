using DeepDive.Engine.Import;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Register;

/// <summary>
/// Uploads the case register or the auditor pool as CSV. All or nothing, as the importers are: a file with any error
/// is refused whole and every error is listed as "line N, column X: reason"; a good one is saved in one transaction.
/// </summary>
[Authorize(Policy = Policies.Manage)]
[RequestSizeLimit(CsvUpload.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = CsvUpload.MaxBytes + 1024 * 1024)]
public sealed class UploadModel(CaseImporter caseImporter, AuditorImporter auditorImporter, CurrentUser user, AccessRecorder access) : PageModel
{
    /// <summary>What a register upload is for: its words, its columns, where to go after.</summary>
    public sealed record Register(string What, string Title, string One, string Many, string ListUrl, IReadOnlyList<(string Column, bool Required, string Meaning)> Columns);

    public static readonly Register CaseRegister = new("cases", "Upload cases", "case", "cases", "/register/cases",
    [
        ("case_ref", true, "the agency's pseudonymised case reference, such as CSC-2025-000123 (never a name)"),
        ("agency", true, "code of the agency that owns the case, such as csc or police"),
        ("case_type", true, "for example child-in-need or child-protection"),
        ("team", true, "the team holding the case"),
        ("worker", true, "the allocated worker's staff id"),
        ("school", false, "the child's school or setting"),
        ("opened", true, "date the case opened, as yyyy-mm-dd"),
        ("closed", false, "date the case closed, as yyyy-mm-dd; empty while open"),
        ("involved_agencies", false, "other agencies involved, separated by ;"),
        ("family_ref", false, "the pseudonymised family reference; siblings share it"),
        ("age_band", false, "unborn, under-1, 1-4, 5-9, 10-15 or 16-plus (never a date of birth)"),
        ("tags", false, "priority tags separated by ;, such as neglect"),
    ]);

    public static readonly Register AuditorPool = new("auditors", "Upload auditors", "auditor", "auditors", "/register/auditors",
    [
        ("auditor_id", true, "a stable id, such as AUD-001"),
        ("name", true, "the auditor's name"),
        ("agency", true, "code of the agency they belong to"),
        ("team", true, "their team (they never audit their own team's cases)"),
        ("skills", false, "skills separated by ;, such as education;health"),
        ("monthly_capacity", true, "how many audits a month they can take, 0 to 100"),
        ("manager", false, "their line manager's staff id; left as stored when the file has no such column"),
        ("email", false, "where their reminders go; left as stored when the file has no such column"),
    ]);

    [BindProperty(SupportsGet = true)]
    public string What { get; set; } = "";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Register Kind { get; private set; } = CaseRegister;

    public IReadOnlyList<ImportError> ImportErrors { get; private set; } = [];

    public IActionResult OnGet() => Choose() ? Page() : throw new NotFoundException("register");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Choose())
        {
            throw new NotFoundException("register");
        }

        if (CsvUpload.Problem(Upload) is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), problem);
            return Page();
        }

        ImportResult result;
        using (var csv = CsvUpload.Open(Upload!))
        {
            result = Kind == CaseRegister
                ? await caseImporter.ImportAsync(user.PartnershipId, csv, cancellationToken)
                : await auditorImporter.ImportAsync(user.PartnershipId, csv, cancellationToken);
        }

        if (!result.Succeeded)
        {
            ImportErrors = result.Errors;
            ModelState.AddModelError(nameof(Upload), CsvUpload.Refused(result));
            return Page();
        }

        var summary = $"{Counted.Of(result.Inserted + result.Updated, Kind.One, Kind.Many)} imported from {CsvUpload.NameOf(Upload!)}: {Counted.Number(result.Inserted)} new, {Counted.Number(result.Updated)} updated";
        await access.ChangedAsync(Kind == CaseRegister ? "case-register" : "auditor-pool", "import", summary, cancellationToken);
        TempData["Success"] = summary;
        return Redirect(Kind.ListUrl);
    }

    private bool Choose()
    {
        Kind = What switch
        {
            "cases" => CaseRegister,
            "auditors" => AuditorPool,
            _ => null!,
        };
        return Kind is not null;
    }
}
