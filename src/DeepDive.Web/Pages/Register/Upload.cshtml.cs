using DeepDive.Engine.Import;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Column = DeepDive.Web.Components.CsvImportForm.Column;

namespace DeepDive.Web.Pages.Register;

/// <summary>
/// Uploads the case register or the auditor pool as CSV. All or nothing, as the importers are: a file with any error
/// is refused whole and every error is listed as "line N, column X: reason"; a good one is saved in one transaction.
/// </summary>
[Authorize(Policy = Policies.Manage)]
[RequestSizeLimit(CsvUpload.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = CsvUpload.MaxRequestBytes)]
public sealed class UploadModel(CaseImporter caseImporter, AuditorImporter auditorImporter, CurrentUser user, AccessRecorder access) : PageModel
{
    /// <summary>What a register upload is for: its words, its columns, where to go after.</summary>
    public sealed record Register(string Title, string One, string Many, string ListUrl, string LogAs, IReadOnlyList<Column> Columns);

    public static readonly Register CaseRegister = new("Upload cases", "case", "cases", "/register/cases", "case-register",
    [
        new("case_ref", true, "the agency's pseudonymised case reference, such as CSC-2025-000123 (never a name)"),
        new("agency", true, "code of the agency that owns the case, such as csc or police"),
        new("case_type", true, "for example child-in-need or child-protection"),
        new("team", true, "the team holding the case"),
        new("worker", true, "the allocated worker's staff id"),
        new("school", false, "the child's school or setting"),
        new("opened", true, "date the case opened"),
        new("closed", false, "date the case closed; empty while open"),
        new("involved_agencies", false, "other agencies involved, separated by ;"),
        new("family_ref", false, "the pseudonymised family reference; siblings share it"),
        new("age_band", false, "unborn, under-1, 1-4, 5-9, 10-15 or 16-plus (never a date of birth)"),
        new("tags", false, "priority tags separated by ;, such as neglect"),
    ]);

    public static readonly Register AuditorPool = new("Upload auditors", "auditor", "auditors", "/register/auditors", "auditor-pool",
    [
        new("auditor_id", true, "a stable id, such as AUD-001"),
        new("name", true, "the auditor's name"),
        new("agency", true, "code of the agency they belong to"),
        new("team", true, "their team (they never audit their own team's cases)"),
        new("skills", false, "skills separated by ;, such as education;health"),
        new("monthly_capacity", true, "how many audits a month they can take, 0 to 100"),
        new("manager", false, "their line manager's staff id; kept as stored when the file has no such column"),
        new("email", false, "where their reminders go; kept as stored when the file has no such column"),
    ]);

    [BindProperty(SupportsGet = true)]
    public string What { get; set; } = "";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Register Kind => What switch
    {
        "cases" => CaseRegister,
        "auditors" => AuditorPool,
        _ => throw new NotFoundException("register"),
    };

    public IReadOnlyList<ImportError> ImportErrors { get; private set; } = [];

    public CsvImportForm Form => new(Kind.Title,
        $"Upload a CSV file with one row per {Kind.One}. A {Kind.One} already in the register is updated and a new one is added; nothing is removed.",
        Kind.Columns, new CsvFileField(nameof(Upload), $"Upload a file of {Kind.Many}", "The file must be a CSV, smaller than 64MB"), ImportErrors,
        "Upload and import");

    public void OnGet() => _ = Kind; // An unknown register is "Page not found".

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var kind = Kind;
        var (saved, errors) = await CsvUpload.ImportAsync(ModelState, nameof(Upload), Upload, csv => kind == CaseRegister
            ? caseImporter.ImportAsync(user.PartnershipId, csv, cancellationToken)
            : auditorImporter.ImportAsync(user.PartnershipId, csv, cancellationToken));
        if (saved is null)
        {
            ImportErrors = errors;
            return Page();
        }

        var summary = $"{Counted.Of(saved.Inserted + saved.Updated, kind.One, kind.Many)} imported from {CsvUpload.NameOf(Upload!)}: "
            + $"{Counted.Number(saved.Inserted)} new, {Counted.Number(saved.Updated)} updated";
        await access.ChangedAsync(kind.LogAs, "import", summary, cancellationToken);
        TempData["Success"] = summary;
        return Redirect(kind.ListUrl);
    }
}
