using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Rounds;

/// <summary>The sampling report of a round: how its cases were chosen, in a form a committee can read.</summary>
public sealed class SampleReport(Database database)
{
    public sealed class Entry
    {
        public string List { get; set; } = "";
        public int Position { get; set; }
        public string CaseRef { get; set; } = "";
        public string? Agency { get; set; }
        public string? CaseType { get; set; }
        public string? Team { get; set; }
    }

    public sealed record Model(string RoundId, string CycleId, string CycleName, string Kind, DateTime StartedUtc, string Status,
        SamplingRecord? Sampling, IReadOnlyList<Entry> Cases);

    public static IReadOnlyList<string> Formats { get; } = ["md", "html", "csv", "json"];

    private sealed class RoundRow
    {
        public string RoundId { get; set; } = "";
        public string CycleId { get; set; } = "";
        public string Kind { get; set; } = "";
        public DateTime StartedUtc { get; set; }
        public string Status { get; set; } = "";
        public string CycleJson { get; set; } = "";
        public string? SamplingJson { get; set; }
    }

    public async Task<Model> LoadAsync(string partnershipId, string roundId, CancellationToken cancellationToken)
    {
        const string roundSql = """
            SELECT round_id AS RoundId, cycle_id AS CycleId, kind AS Kind, started_utc AS StartedUtc, status AS Status,
                   cycle_json AS CycleJson, sampling_json AS SamplingJson
            FROM audit_round WHERE partnership_id = @PartnershipId AND round_id = @RoundId
            """;
        const string casesSql = """
            SELECT s.list AS List, s.position AS Position, s.case_ref AS CaseRef, c.agency AS Agency, c.case_type AS CaseType, c.team AS Team
            FROM sample_case s LEFT JOIN case_record c ON c.partnership_id = s.partnership_id AND c.case_ref = s.case_ref
            WHERE s.round_id = @RoundId
            ORDER BY CASE s.list WHEN 'sample' THEN 0 WHEN 're-audit' THEN 1 ELSE 2 END, s.position
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var args = new { PartnershipId = partnershipId, RoundId = roundId };
        var round = await connection.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(roundSql, args, cancellationToken: cancellationToken))
            ?? throw new ArgumentException($"There is no round '{roundId}' in partnership '{partnershipId}'.");
        var cases = (await connection.QueryAsync<Entry>(new CommandDefinition(casesSql, args, cancellationToken: cancellationToken))).ToList();
        return new Model(round.RoundId, round.CycleId, Cycles.CycleFile.ReadStored(round.CycleJson).Name, round.Kind, round.StartedUtc, round.Status,
            SamplingRecord.FromJson(round.SamplingJson), cases);
    }

    public static string Render(Model model, string format) => format switch
    {
        "md" => Markdown(model),
        "html" => Html(model),
        "csv" => Csv(model),
        "json" => JsonSerializer.Serialize(model, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }),
        _ => throw new ArgumentException($"Unknown report format '{format}': use {string.Join(", ", Formats)}."),
    };

    private static IEnumerable<(string Label, string Value)> Facts(Model m)
    {
        yield return ("Round", $"{m.RoundId} ({m.Kind}, {m.Status})");
        yield return ("Cycle", $"{m.CycleName} ({m.CycleId})");
        yield return ("Drawn", m.StartedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (m.Sampling is { } s)
        {
            yield return ("Population as at", s.AsAtUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
            yield return ("Population filter", Filter(s));
            yield return ("Population", $"{s.PopulationCount} cases, SHA-256 of their references {s.PopulationHash}");
            yield return ("Method", s.StratifyBy is null ? s.Method : $"{s.Method} by {s.StratifyBy}");
            yield return ("Algorithm and seed", $"{s.Algorithm}, seed {s.Seed}");
            foreach (var e in s.Exclusions)
            {
                yield return ("Excluded", $"{e.Count} {(e.Count == 1 ? "case" : "cases")} {e.Rule}");
            }
        }
    }

    private static string Filter(SamplingRecord s)
    {
        var parts = new List<string>();
        if (s.Filter.Agencies is { Count: > 0 } a)
        {
            parts.Add("agencies " + string.Join(", ", a));
        }

        if (s.Filter.CaseTypes is { Count: > 0 } t)
        {
            parts.Add("case types " + string.Join(", ", t));
        }

        parts.Add(s.Filter.OpenOnly ? "open cases" : "open and closed cases");
        if (s.Filter.RequireSchool)
        {
            parts.Add("with a school");
        }

        return string.Join("; ", parts);
    }

    private static string Markdown(Model m)
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
            text.AppendLine().AppendLine($"## {Title(list.Key)}").AppendLine().AppendLine("| # | case | agency | case type | team |").AppendLine("|---|---|---|---|---|");
            foreach (var c in list)
            {
                text.AppendLine($"| {c.Position} | {c.CaseRef} | {c.Agency} | {c.CaseType} | {c.Team} |");
            }
        }

        return text.ToString();
    }

    private static string Html(Model m)
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
        foreach (var list in m.Cases.GroupBy(c => c.List))
        {
            html.Append("<h2>").Append(E(Title(list.Key))).Append("</h2><table><thead><tr><th>#</th><th>Case</th><th>Agency</th><th>Case type</th><th>Team</th></tr></thead><tbody>");
            foreach (var c in list)
            {
                html.Append("<tr><td>").Append(c.Position).Append("</td><td>").Append(E(c.CaseRef)).Append("</td><td>").Append(E(c.Agency))
                    .Append("</td><td>").Append(E(c.CaseType)).Append("</td><td>").Append(E(c.Team)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Csv(Model m)
    {
        static string Q(string? s) => s is null ? "" : s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        var csv = new StringBuilder("list,position,case_ref,agency,case_type,team\n");
        foreach (var c in m.Cases)
        {
            csv.Append(Q(c.List)).Append(',').Append(c.Position).Append(',').Append(Q(c.CaseRef)).Append(',').Append(Q(c.Agency)).Append(',')
                .Append(Q(c.CaseType)).Append(',').Append(Q(c.Team)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Title(string list) => list switch
    {
        "sample" => "Locked sample",
        "reserve" => "Reserve list, in order",
        "re-audit" => "Cases re-audited",
        _ => list,
    };
}
