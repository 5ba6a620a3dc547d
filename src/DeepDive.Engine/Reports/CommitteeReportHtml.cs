using System.Net;
using System.Text;
using DeepDive.Domain.Actions;

namespace DeepDive.Engine.Reports;

/// <summary>
/// The committee report as one self-contained HTML file (its styles and SVG charts inside it, nothing fetched) that
/// prints cleanly on A4: each section starts a page, rows and reviews are not split across pages, table headings repeat,
/// and long words wrap rather than run off the page. The web app can show the same markup with <see cref="Css"/> served
/// from its own stylesheet.
/// </summary>
public static class CommitteeReportHtml
{
    public static string Render(CommitteeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var title = $"Committee report: {CommitteeReportText.Period(report)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main class=\"report\">\n");
        Summary(html, report);
        Appendix(html, report);
        Programme(html, report);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, CommitteeReport report)
    {
        var programme = report.Programme;
        html.Append("<section class=\"section\" id=\"summary\">\n")
            .Append("<p class=\"caption\">").Append(E(report.PartnershipName)).Append(": report to the scrutiny committee</p>\n")
            .Append("<h1>Case reviews, action plans and the audit programme</h1>\n")
            .Append("<p class=\"lead\">").Append(E(report.Period.Label)).Append("</p>\n");
        html.Append(report.Published
            ? "<div class=\"notice\"><p><strong>Published version.</strong> Counts under 5 about children are shown as \u201cfewer than 5\u201d; where only one count of a breakdown would be hidden, the next smallest is \u201cnot shown\u201d either, so that it cannot be worked out from the total. No case reference appears.</p></div>\n"
            : "<div class=\"notice notice-warning\"><p><strong>Not for publication.</strong> This version has counts of fewer than 5 children and case references in it. Publish the version made with <code>--published</code>.</p></div>\n");
        html.Append("<h2>Summary</h2>\n<dl class=\"summary-list\">\n");
        Row(html, "Case reviews in the period", report.Reviews.Count == 0 ? "None" : UkFormat.Number(report.Reviews.Count));
        Row(html, "Their actions at the end of the period", CommitteeReportText.ReviewActions(report));
        Row(html, "Actions from audit rounds", CommitteeReportText.RoundActions(report));
        if (report.ProposedActions > 0)
        {
            Row(html, "Actions proposed by audit rounds, waiting for a manager", CommitteeReportText.ProposedActions(report.ProposedActions));
        }

        Row(html, "Audit rounds completed", CommitteeReportText.RoundsCompleted(programme));
        Row(html, "Cases audited", programme.CasesAudited.Shown);
        Row(html, "Late tasks", CommitteeReportText.LateTasks(programme));
        Row(html, "Failed or late firings", CommitteeReportText.FiringIssues(programme));
        html.Append("</dl>\n<h2>Contents</h2>\n<ol class=\"contents\">\n")
            .Append("<li><a href=\"#appendix\">RAG-rated appendix: case reviews and their actions</a></li>\n")
            .Append("<li><a href=\"#programme\">The audit programme</a></li>\n</ol>\n")
            .Append("<h2>How actions are rated</h2>\n<ul class=\"key\">\n");
        foreach (var status in RagStatuses.All)
        {
            html.Append("<li>").Append(Tag(status)).Append(' ').Append(E(RagStatuses.Meaning(status))).Append("</li>\n");
        }

        html.Append("</ul>\n<p class=\"meta\">Each action is rated by its status at the end of ").Append(E(UkFormat.Date(report.Period.To)))
            .Append(", taken from its history; an action whose history begins later is rated by its first recorded status. Produced on ")
            .Append(E(UkFormat.DateAndTime(report.GeneratedUtc))).Append(".</p>\n</section>\n");
    }

    private static void Appendix(StringBuilder html, CommitteeReport report)
    {
        html.Append("<section class=\"section\" id=\"appendix\">\n<h2>RAG-rated appendix: case reviews and their actions</h2>\n")
            .Append("<p>The case reviews with an action due in the period, or an action not complete at its start. For each, its actions by status at the end of the period, then every amber and red action in full.</p>\n");
        if (CommitteeCharts.ActionsByReview(report) is { } chart)
        {
            html.Append("<figure class=\"chart\">\n").Append(chart).Append("\n<figcaption>Actions by status at the end of the period, per review")
                .Append(report.Rounds.Count > 0 ? " and per audit round" : "").Append(".</figcaption>\n</figure>\n");
        }

        if (report.Reviews.Count == 0)
        {
            html.Append("<p class=\"empty\">No case review had an action due in the period or open at its start.</p>\n");
        }

        foreach (var review in report.Reviews)
        {
            html.Append("<article class=\"review\">\n<h3>").Append(E(review.Name)).Append("</h3>\n<dl class=\"summary-list summary-list-compact\">\n");
            Row(html, "Type", review.Type);
            Row(html, "Status", CommitteeReportText.ReviewStatus(review));
            Row(html, "Incident", UkFormat.Date(review.IncidentOn));
            Row(html, "Rapid review", UkFormat.Date(review.RapidReviewOn));
            Row(html, "Governance sign-off", CommitteeReportText.SignOff(review));
            Row(html, "Published", UkFormat.Date(review.PublishedOn, "Not yet published"));
            Row(html, "Incident to publication", CommitteeReportText.IncidentToPublication(review));
            html.Append("</dl>\n<p class=\"sentence\">").Append(E(review.Sentence)).Append("</p>\n");
            ActionTable(html, review.AmberAndRed, "review");
            html.Append("</article>\n");
        }

        if (report.Rounds.Count > 0)
        {
            html.Append("<h3 class=\"group\">Actions from audit rounds</h3>\n");
            foreach (var round in report.Rounds)
            {
                html.Append("<article class=\"review\">\n<h4>").Append(E(round.CycleName)).Append(", round ").Append(E(round.RoundId)).Append("</h4>\n")
                    .Append("<p class=\"meta\">").Append(E(CommitteeReportText.RoundClosed(round))).Append("</p>\n")
                    .Append("<p class=\"sentence\">").Append(E(round.Sentence)).Append("</p>\n");
                ActionTable(html, round.AmberAndRed, "round");
                html.Append("</article>\n");
            }
        }

        html.Append("</section>\n");
    }

    private static void ActionTable(StringBuilder html, IReadOnlyList<ActionLine> actions, string from)
    {
        if (actions.Count == 0)
        {
            html.Append("<p class=\"empty\">No action of this ").Append(from).Append(" is amber or red.</p>\n");
            return;
        }

        html.Append("<table class=\"table actions\">\n<caption>Amber and red actions</caption>\n")
            .Append("<colgroup><col class=\"col-recommendation\"><col class=\"col-action\"><col class=\"col-owner\"><col class=\"col-due\"><col class=\"col-update\"></colgroup>\n")
            .Append("<thead><tr><th scope=\"col\">Recommendation</th><th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Status and latest update</th></tr></thead>\n<tbody>\n");
        foreach (var action in actions)
        {
            var update = action.LatestUpdate;
            html.Append("<tr>")
                .Append("<td>").Append(E(action.Recommendation)).Append(action.CaseRef is null ? "" : $"<br><span class=\"hint\">Case {E(action.CaseRef)}</span>").Append("</td>")
                .Append("<td>").Append(E(action.Action)).Append("<br><span class=\"hint\">").Append(E(action.ActionId)).Append("</span></td>")
                .Append("<td>").Append(E(action.Owner)).Append("</td>")
                .Append("<td>").Append(E(UkFormat.Date(action.DueOn))).Append(action.OverdueAtEnd ? "<br><strong class=\"overdue\">Overdue</strong>" : "").Append("</td>")
                .Append("<td>").Append(Tag(action.Status)).Append(" since ").Append(E(UkFormat.Date(action.StatusSince)))
                .Append(update.Comment is null ? "" : $"<br>{E(update.Comment)}")
                .Append("<br><span class=\"hint\">").Append(E(CommitteeReportText.UpdatedBy(update))).Append("</span>")
                .Append(CommitteeReportText.Evidence(action) is { } evidence ? $"<br><span class=\"label\">Evidence:</span> {E(evidence)}" : "")
                .Append(action.RecoveryPlan is { } plan ? $"<br><span class=\"label\">Recovery plan:</span> {E(plan)}" : "")
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Programme(StringBuilder html, CommitteeReport report)
    {
        var programme = report.Programme;
        html.Append("<section class=\"section\" id=\"programme\">\n<h2>The audit programme</h2>\n<dl class=\"summary-list\">\n");
        Row(html, "Audit rounds completed", CommitteeReportText.RoundsCompleted(programme));
        Row(html, "Cases audited (deep dives completed)", programme.CasesAudited.Shown);
        Row(html, "Tasks due in the period", UkFormat.Number(programme.TasksDue));
        Row(html, "Late tasks", CommitteeReportText.LateTasks(programme));
        Row(html, "Failed or late firings", CommitteeReportText.FiringIssues(programme));
        html.Append("</dl>\n<h3>Grades</h3>\n");
        Breakdown(html, "Overall grades of the cases audited", "Grade", programme.Grades);
        if (CommitteeCharts.Grades(report) is { } chart)
        {
            html.Append("<figure class=\"chart chart-small\">\n").Append(chart).Append("\n<figcaption>Overall grades of the cases audited in the period.</figcaption>\n</figure>\n");
        }
        else if (report.Published && programme.Grades.Any(g => g.Figure.Count is null))
        {
            html.Append("<p class=\"meta\">The chart of grades is left out of the published version: it would show counts under 5.</p>\n");
        }

        html.Append("<h3>Re-audit outcomes</h3>\n");
        Breakdown(html, "Re-audits compared with the first audit", "Outcome", programme.ReAuditOutcomes);
        html.Append("<h3>Rounds completed</h3>\n");
        if (programme.Rounds.Count == 0)
        {
            html.Append("<p class=\"empty\">No round was completed in the period.</p>\n");
        }
        else
        {
            Table(html, "Rounds completed in the period", "table", [("Cycle", false), ("Round", false), ("Kind", false), ("Started", false), ("Completed", false), ("Cases", true)],
                programme.Rounds.Select(r => new[] { r.CycleName, r.RoundId, CommitteeReportText.RoundKind(r), UkFormat.Date(r.StartedOn), UkFormat.Date(r.ClosedOn), r.Cases.Shown }));
        }

        html.Append("<h3>Failed or late firings</h3>\n");
        if (programme.FiringIssues.Count == 0)
        {
            html.Append("<p class=\"empty\">Every round due in the period opened on time.</p>\n");
        }
        else
        {
            Table(html, "Firings that failed or opened their round late", "table", [("Cycle", false), ("Due", false), ("What happened", false)],
                programme.FiringIssues.Select(f => new[]
                {
                    f.CycleId, UkFormat.DateAndTime(f.ScheduledForUtc), CommitteeReportText.FiringIssue(f),
                }));
        }

        html.Append("</section>\n");
    }

    private static void Breakdown(StringBuilder html, string caption, string heading, IReadOnlyList<BreakdownLine> lines) =>
        Table(html, caption, "table table-narrow", [(heading, false), ("Cases", true)], lines.Select(l => new[] { l.Label, l.Figure.Shown }));

    /// <summary>A table of text (encoded here), its caption for screen readers, numeric columns aligned right.</summary>
    private static void Table(StringBuilder html, string caption, string classes, IReadOnlyList<(string Heading, bool Numeric)> columns, IEnumerable<string[]> rows)
    {
        static string Numeric(bool numeric) => numeric ? " class=\"numeric\"" : "";
        html.Append("<table class=\"").Append(classes).Append("\">\n<caption class=\"visually-hidden\">").Append(E(caption)).Append("</caption>\n<thead><tr>");
        foreach (var (heading, numeric) in columns)
        {
            html.Append("<th scope=\"col\"").Append(Numeric(numeric)).Append('>').Append(E(heading)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                html.Append("<td").Append(Numeric(columns[i].Numeric)).Append('>').Append(E(row[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Row(StringBuilder html, string key, string value) =>
        html.Append("<div class=\"summary-list-row\"><dt>").Append(E(key)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>\n");

    private static string Tag(RagStatus status) => $"<strong class=\"tag tag-{RagStatuses.Name(status)}\">{RagStatuses.Label(status)}</strong>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The report's styles: GOV.UK's type and colours in system fonts, and the rules that make it print on A4.</summary>
    public const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 16px; line-height: 1.4; color: #0b0c0c; background: #fff; }
        .report { max-width: 960px; margin: 0 auto; padding: 24px 16px 48px; }
        h1 { font-size: 2rem; line-height: 1.1; margin: 0 0 16px; }
        h2 { font-size: 1.5rem; line-height: 1.2; margin: 32px 0 16px; }
        h3 { font-size: 1.2rem; margin: 24px 0 8px; }
        h4 { font-size: 1.05rem; margin: 16px 0 8px; }
        .section > h2:first-child { margin-top: 0; }
        .caption { color: #505a5f; font-size: 1.1rem; margin: 0 0 4px; }
        .lead { font-size: 1.25rem; margin: 0 0 24px; }
        .meta, .hint { color: #505a5f; }
        .hint { font-size: 0.875rem; }
        .label { font-weight: bold; }
        .notice { border-left: 6px solid #1d70b8; background: #f3f2f1; padding: 8px 16px; margin: 0 0 24px; }
        .notice-warning { border-left-color: #d4351c; }
        .summary-list { margin: 0 0 24px; border-top: 1px solid #b1b4b6; }
        .summary-list-row { display: flex; flex-wrap: wrap; border-bottom: 1px solid #b1b4b6; padding: 8px 0; }
        .summary-list dt { flex: 0 0 40%; font-weight: bold; padding-right: 16px; }
        .summary-list dd { flex: 1 1 55%; margin: 0; min-width: 0; overflow-wrap: anywhere; }
        .summary-list-compact .summary-list-row { padding: 4px 0; }
        .sentence { font-weight: bold; font-size: 1.1rem; }
        .key { list-style: none; padding: 0; }
        .key li { margin: 0 0 6px; }
        .contents li { margin-bottom: 4px; }
        .tag { display: inline-block; padding: 2px 8px; font-weight: bold; font-size: 0.875rem; letter-spacing: 0.02em;
               -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .tag-red { color: #2a0b06; background: #f4d7d2; }
        .tag-amber { color: #6e3619; background: #fcd6c3; }
        .tag-green { color: #005a30; background: #cce2d8; }
        .tag-blue { color: #0c2d4a; background: #bbd4ea; }
        .overdue { color: #d4351c; }
        .review { border-top: 2px solid #1d70b8; padding-top: 8px; margin-top: 24px; }
        .table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 24px; font-size: 0.9rem; }
        .table-narrow { width: 60%; }
        .table caption { text-align: left; font-weight: bold; margin-bottom: 8px; }
        .table th, .table td { text-align: left; vertical-align: top; padding: 8px 12px 8px 0; border-bottom: 1px solid #b1b4b6;
                               overflow-wrap: anywhere; word-break: break-word; hyphens: auto; }
        .table .numeric { text-align: right; }
        .col-recommendation { width: 20%; }
        .col-action { width: 24%; }
        .col-owner { width: 14%; }
        .col-due { width: 12%; }
        .col-update { width: 30%; }
        .chart { margin: 16px 0 24px; }
        .chart svg { display: block; width: 100%; height: auto; }
        .chart-small svg { max-width: 640px; }
        .chart figcaption { color: #505a5f; font-size: 0.875rem; }
        .empty { color: #505a5f; }
        .visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important;
                           overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; border: 0 !important; }
        @page { size: A4; margin: 16mm 14mm 18mm; }
        @media print {
          body { font-size: 10pt; }
          .report { max-width: none; padding: 0; }
          .section + .section { break-before: page; }
          .review > .summary-list, .chart, .notice, .summary-list-row, tr { break-inside: avoid; }
          h1, h2, h3, h4, .sentence, caption { break-after: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
        }

        """;
}
