using DeepDive.Engine.Rounds;

namespace DeepDive.Web.Pages.Rounds;

/// <summary>A round's sampling report for _SampleReport.cshtml; in review, each case of the sample links to its replacement page.</summary>
public sealed record SampleView(SampleReport.Model Report, bool Review = false);
