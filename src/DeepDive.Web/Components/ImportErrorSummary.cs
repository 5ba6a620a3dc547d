using DeepDive.Engine.Import;

namespace DeepDive.Web.Components;

/// <summary>The errors a refused import found, and the file field they belong to (Pages/Shared/_ImportErrorSummary.cshtml).</summary>
public sealed record ImportErrorSummary(IReadOnlyList<ImportError> Errors, string Field);
