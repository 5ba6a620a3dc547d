using System.Text;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>
/// What the two upload pages share: reading the chosen cycle file and checking it against the schema and rules, each
/// problem listed with its place in the file in words.
/// </summary>
public abstract class CycleUploadPage(IServiceProvider services) : PageModel
{
    public const string Field = "File";

    /// <summary>Cycle files are a few kilobytes; anything this big is not one.</summary>
    public const int MaxBytes = 100 * 1024;

    [BindProperty(Name = Field)]
    public IFormFile? Upload { get; set; }

    protected CycleLifecycle? Lifecycle => services.GetService<CycleLifecycle>();

    public bool CanChange => Lifecycle is not null;

    /// <summary>The cycle in the uploaded file, or null with the problems in the model state against the file field.</summary>
    protected async Task<CycleDefinition?> ReadAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(Field, Upload is null ? "Select a cycle file" : "The selected file is empty");
            return null;
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(Field, "The selected file must be smaller than 100 KB");
            return null;
        }

        if (!Upload.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(Field, "The selected file must be a JSON file (ending .json)");
            return null;
        }

        string text;
        using (var reader = new StreamReader(Upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                ModelState.AddModelError(Field, "The selected file must be text saved as UTF-8");
                return null;
            }
        }

        try
        {
            return CycleFile.Parse(text, Upload.FileName);
        }
        catch (CycleFileException e)
        {
            foreach (var problem in CycleErrors.ForFile(e.Errors))
            {
                ModelState.AddModelError(Field, problem);
            }

            return null;
        }
    }

    protected void Done(string message) => TempData[CycleMessages.Key] = message;
}
