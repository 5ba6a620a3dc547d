using System.Text;
using DeepDive.Engine.Import;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DeepDive.Web.Components;

/// <summary>
/// A CSV file uploaded through a GOV.UK file upload field: what is wrong with it as a file (in GOV.UK's words), how to
/// read it, and what to say when the import refused its contents.
/// </summary>
public static class CsvUpload
{
    /// <summary>The largest file accepted: a register of a few hundred thousand cases.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>The largest upload request: the file and the form around it (the pages' request size limits).</summary>
    public const long MaxRequestBytes = MaxBytes + 1024 * 1024;

    /// <summary>Why the file cannot be imported as a file, or null when it can be read.</summary>
    public static string? Problem(IFormFile? file)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            return "Select a CSV file";
        }

        if (!Path.GetExtension(file.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return "The selected file must be a CSV";
        }

        if (file.Length == 0)
        {
            return "The selected file is empty";
        }

        return file.Length > MaxBytes ? "The selected file must be smaller than 64MB" : null;
    }

    /// <summary>
    /// Checks the uploaded file and imports it. On a problem with the file, or errors in it, the message goes into
    /// <paramref name="modelState"/> against <paramref name="field"/> and the result is null (with the file's errors);
    /// otherwise the result of the import that was saved.
    /// </summary>
    public static async Task<(ImportResult? Saved, IReadOnlyList<ImportError> Errors)> ImportAsync(
        ModelStateDictionary modelState, string field, IFormFile? file, Func<TextReader, Task<ImportResult>> import)
    {
        if (Problem(file) is { } problem)
        {
            modelState.AddModelError(field, problem);
            return (null, []);
        }

        ImportResult result;
        using (var csv = Open(file!))
        {
            result = await import(csv);
        }

        if (!result.Succeeded)
        {
            modelState.AddModelError(field, Refused(result));
            return (null, result.Errors);
        }

        return (result, []);
    }

    /// <summary>The file as text (UTF-8, or what its byte order mark says).</summary>
    public static TextReader Open(IFormFile file) => new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    /// <summary>The message against the file field when the import found errors in it.</summary>
    public static string Refused(ImportResult result) =>
        $"The file was not imported because it has {Counted.Of(result.Errors.Count, "error", "errors")}: nothing was saved. Correct the file and upload it again";

    /// <summary>The name of the uploaded file as the access log and messages give it (no folders).</summary>
    public static string NameOf(IFormFile file) => Path.GetFileName(file.FileName);
}
