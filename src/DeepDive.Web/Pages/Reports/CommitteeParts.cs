using DeepDive.Engine.Reports;

namespace DeepDive.Web.Pages.Reports;

/// <summary>What the committee page's table of amber and red actions shows: the actions, whose they are, and of what ("review", "round").</summary>
public sealed record CommitteeActions(IReadOnlyList<ActionLine> Actions, string Of, string Kind);

/// <summary>What the committee page's table of a breakdown (grades, re-audit outcomes) shows, with its id and caption.</summary>
public sealed record CommitteeBreakdown(string Id, string Caption, string Heading, IReadOnlyList<BreakdownLine> Lines);
