using DeepDive.Engine.Import;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Calendars;

/// <summary>
/// Uploads the partnership's school term dates (CSV: term, start, end). All or nothing: a good file replaces the stored
/// terms in the dates it spans and keeps the others; the school holidays are the gaps between terms.
/// </summary>
[Authorize(Policy = Policies.Manage)]
[RequestSizeLimit(CsvUpload.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = CsvUpload.MaxRequestBytes)]
public sealed class TermsModel(SchoolTermImporter importer, CurrentUser user, AccessRecorder access) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<ImportError> ImportErrors { get; private set; } = [];

    public CsvImportForm Form => new("Upload school term dates",
        "Upload a CSV file with one row per school term. The terms in the file replace those stored for the same dates; terms of other years are kept. The days between terms are the school holidays, which education audits avoid.",
        [
            new("term", false, "a name, such as Autumn 1"),
            new("start", true, "the first day of the term"),
            new("end", true, "the last day of the term; terms must not overlap, and a gap of more than 63 days means a term is missing"),
        ],
        new CsvFileField(nameof(Upload), "Upload a file of term dates", "The file must be a CSV, smaller than 64MB"), ImportErrors, "Upload and import");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (saved, errors) = await CsvUpload.ImportAsync(ModelState, nameof(Upload), Upload,
            csv => importer.ImportAsync(user.PartnershipId, csv, cancellationToken));
        if (saved is null)
        {
            ImportErrors = errors;
            return Page();
        }

        var summary = $"{Counted.Of(saved.Inserted, "school term", "school terms")} imported from {CsvUpload.NameOf(Upload!)}"
            + (saved.Updated == 0 ? "" : $"; {Counted.Of(saved.Updated, "stored term", "stored terms")} in the same dates replaced");
        await access.ChangedAsync("school-terms", "import", summary, cancellationToken);
        TempData["Success"] = summary;
        return Redirect("/calendars");
    }
}
