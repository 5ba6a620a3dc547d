namespace DeepDive.Web.Components;

/// <summary>What the file upload partial (Pages/Shared/_CsvFileUpload.cshtml) shows: the field's model name, label and hint.</summary>
public sealed record CsvFileField(string Name, string Label, string? Hint);
