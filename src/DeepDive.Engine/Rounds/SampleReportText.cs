using System.Net;
using System.Text;
using DeepDive.Domain.Cycles;
using DeepDive.Domain.Sampling;

namespace DeepDive.Engine.Rounds;

/// <summary>The sampling report as Markdown, HTML and CSV.</summary>
internal static class SampleReportText
{
    public static IEnumerable<(string Label, string Value)> Facts(SampleReport.Model m)
    {
        yield return ("Round", $"{m.RoundId} ({m.Kind}, {m.Status})");
        yield return ("Cycle", $"{m.CycleName} ({m.CycleId})");
        yield return ("Drawn", SampleReport.Utc(m.StartedUtc));
        if (m.Sampling is { } s)
        {
            yield return ("Population as at", SampleReport.Utc(s.AsAtUtc));
            yield return ("Population filter", SampleReport.Describe(s.Filter));
            if (s.MatchedCount > 0)
            {
                yield return ("Matching the filter", $"{s.MatchedCount} {Cases(s.MatchedCount)}");
            }

            foreach (var e in s.Exclusions)
            {
                yield return ("Excluded", $"{e.Count} {Cases(e.Count)} {e.Rule}");
            }

            yield return ("Population", $"{s.PopulationCount} {Cases(s.PopulationCount)} eligible, {HashOf(s)} {s.PopulationHash}");
            yield return ("Method", s.StratifyBy is null ? s.Method : $"{s.Method} by {s.StratifyBy}");
            yield return ("Algorithm and seed", $"{s.Algorithm}, seed {s.Seed}");
        }

        yield return ("Locked", m.LockedUtc is not { } at
            ? "not yet: the draw awaits a manager's review (deepdive sample lock)"
            : m.LockedBy == SampleList.AutoLockedBy ? $"automatically when drawn, {SampleReport.Utc(at)}" : $"by {m.LockedBy}, {SampleReport.Utc(at)}");
        var replaced = m.Changes.Count(c => c.Action == "replace");
        var added = m.Changes.Count(c => c.Action == "add");
        if (replaced + added > 0)
        {
            yield return ("Changes after the draw", $"{replaced} {(replaced == 1 ? "replacement" : "replacements")}, {added} {(added == 1 ? "case" : "cases")} added by hand");
        }
    }

    public static string Markdown(SampleReport.Model m)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Sampling report: {m.CycleName}, round {m.RoundId}").AppendLine();
        foreach (var (label, value) in Facts(m))
        {
            text.AppendLine($"- **{label}:** {value}");
        }

        if (m.Sampling is { Strata.Count: > 0 } s)
        {
            text.AppendLine().AppendLine("## Strata").AppendLine().AppendLine("| stratum | cases | allocated | drawn | taken whole |").AppendLine("|---|---|---|---|---|");
            foreach (var st in s.Strata)
            {
                text.AppendLine($"| {st.Key} | {st.Size} | {st.Allocated} | {st.Drawn} | {(st.TakenWhole ? "yes" : "no")} |");
            }
        }

        foreach (var list in m.Cases.GroupBy(c => c.List))
        {
            text.AppendLine().AppendLine($"## {Title(list.Key)}").AppendLine().AppendLine("| # | case | agency | case type | team | how it came in |").AppendLine("|---|---|---|---|---|---|");
            foreach (var c in list)
            {
                text.AppendLine($"| {c.Position} | {c.CaseRef} | {c.Agency} | {c.CaseType} | {c.Team} | {HowItCameIn(c)} |");
            }
        }

        if (m.Changes.Count > 0)
        {
            text.AppendLine().AppendLine("## Changes after the draw").AppendLine().AppendLine("| when | what | case | replaced by | who | why |").AppendLine("|---|---|---|---|---|---|");
            foreach (var c in m.Changes)
            {
                text.AppendLine($"| {SampleReport.Utc(c.ChangedUtc)} | {c.Action} | {c.CaseRef} | {c.ReplacementRef} | {c.ChangedBy} | {c.Reason} |");
            }
        }

        return text.ToString();
    }

    public static string Html(SampleReport.Model m)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sampling report ").Append(E(m.RoundId)).Append("</title></head><body>");
        html.Append("<h1>Sampling report: ").Append(E(m.CycleName)).Append(", round ").Append(E(m.RoundId)).Append("</h1><dl>");
        foreach (var (label, value) in Facts(m))
        {
            html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>");
        }

        html.Append("</dl>");
        if (m.Sampling is { Strata.Count: > 0 } s)
        {
            html.Append("<h2>Strata</h2><table><thead><tr><th>Stratum</th><th>Cases</th><th>Allocated</th><th>Drawn</th><th>Taken whole</th></tr></thead><tbody>");
            foreach (var st in s.Strata)
            {
                html.Append("<tr><td>").Append(E(st.Key)).Append("</td><td>").Append(st.Size).Append("</td><td>").Append(st.Allocated)
                    .Append("</td><td>").Append(st.Drawn).Append("</td><td>").Append(st.TakenWhole ? "yes" : "no").Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        foreach (var list in m.Cases.GroupBy(c => c.List))
        {
            html.Append("<h2>").Append(E(Title(list.Key))).Append("</h2><table><thead><tr><th>#</th><th>Case</th><th>Agency</th><th>Case type</th><th>Team</th><th>How it came in</th></tr></thead><tbody>");
            foreach (var c in list)
            {
                html.Append("<tr><td>").Append(c.Position).Append("</td><td>").Append(E(c.CaseRef)).Append("</td><td>").Append(E(c.Agency))
                    .Append("</td><td>").Append(E(c.CaseType)).Append("</td><td>").Append(E(c.Team)).Append("</td><td>").Append(E(HowItCameIn(c))).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (m.Changes.Count > 0)
        {
            html.Append("<h2>Changes after the draw</h2><table><thead><tr><th>When</th><th>What</th><th>Case</th><th>Replaced by</th><th>Who</th><th>Why</th></tr></thead><tbody>");
            foreach (var c in m.Changes)
            {
                html.Append("<tr><td>").Append(E(SampleReport.Utc(c.ChangedUtc))).Append("</td><td>").Append(E(c.Action)).Append("</td><td>").Append(E(c.CaseRef))
                    .Append("</td><td>").Append(E(c.ReplacementRef)).Append("</td><td>").Append(E(c.ChangedBy)).Append("</td><td>").Append(E(c.Reason)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</body></html>").ToString();
    }

    public static string Csv(SampleReport.Model m)
    {
        static string Q(string? s) => s is null ? "" : s.Contains(',') || s.Contains('"') || s.Contains('\n') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        var csv = new StringBuilder("list,position,case_ref,origin,agency,case_type,team,note\n");
        foreach (var c in m.Cases)
        {
            csv.Append(Q(c.List)).Append(',').Append(c.Position).Append(',').Append(Q(c.CaseRef)).Append(',').Append(Q(c.Origin)).Append(',').Append(Q(c.Agency)).Append(',')
                .Append(Q(c.CaseType)).Append(',').Append(Q(c.Team)).Append(',').Append(Q(c.Note)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>What the stored hash is, by the version its algorithm string names, so an earlier round is checked with its own.</summary>
    private static string HashOf(SamplingRecord s)
    {
        var lines = s.StratifyBy is null ? "references" : "references and strata";
        return PopulationHasher.VersionOf(s.Algorithm) == PopulationHashVersion.OrderedSha256V1
            ? $"SHA-256 of their {lines} in reference order (population hash version 1)"
            : $"order-independent hash of their {lines} (population hash version 2)";
    }

    private static string HowItCameIn(SampleReport.Entry c) => c.Note ?? (c.Origin == SampleList.Drawn ? "drawn" : c.Origin);

    private static string Cases(int n) => n == 1 ? "case" : "cases";

    private static string Title(string list) => list switch
    {
        SampleList.Sample => "Locked sample",
        SampleList.Reserve => "Reserve list, in order (unused)",
        SampleList.Replaced => "Replaced cases",
        "re-audit" => "Cases re-audited",
        _ => list,
    };
}
