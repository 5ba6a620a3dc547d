using DeepDive.Engine.Import;

namespace DeepDive.Web.Components;

/// <summary>
/// What an import page shows (Pages/Shared/_CsvImportForm.cshtml): its heading, what the upload does, the columns the
/// file needs, the file field, and the errors of a refused file.
/// </summary>
public sealed record CsvImportForm(
    string Title, string Intro, IReadOnlyList<CsvImportForm.Column> Columns, CsvFileField Field, IReadOnlyList<ImportError> Errors, string Button)
{
    public sealed record Column(string Name, bool Required, string Meaning);
}
