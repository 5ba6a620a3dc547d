using System.Globalization;
using Dapper;
using DeepDive.Domain.Cycles;
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

        /// <summary>drawn, reserve (taken to replace a case) or hand-added.</summary>
        public string Origin { get; set; } = SampleList.Drawn;
        public string? Agency { get; set; }
        public string? CaseType { get; set; }
        public string? Team { get; set; }

        /// <summary>For a replacement, a replaced case or a hand-added case: what happened, who did it, when and why.</summary>
        public string? Note { get; set; }
    }

    /// <summary>One change to the list after the draw: lock, replace or add.</summary>
    public sealed class Change
    {
        public int Position { get; set; }
        public string Action { get; set; } = "";
        public string? CaseRef { get; set; }
        public string? ReplacementRef { get; set; }
        public string ChangedBy { get; set; } = "";
        public string? Reason { get; set; }
        public DateTime ChangedUtc { get; set; }
    }

    public sealed record Model(string RoundId, string CycleId, string CycleName, string Kind, DateTime StartedUtc, string Status,
        SamplingRecord? Sampling, IReadOnlyList<Entry> Cases)
    {
        public string? LockedBy { get; init; }
        public DateTime? LockedUtc { get; init; }
        public IReadOnlyList<Change> Changes { get; init; } = [];
    }

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
        public string? LockedBy { get; set; }
        public DateTime? LockedUtc { get; set; }
    }

    public async Task<Model> LoadAsync(string partnershipId, string roundId, CancellationToken cancellationToken)
    {
        const string roundSql = """
            SELECT round_id AS RoundId, cycle_id AS CycleId, kind AS Kind, started_utc AS StartedUtc, status AS Status,
                   cycle_json AS CycleJson, sampling_json AS SamplingJson, locked_by AS LockedBy, locked_utc AS LockedUtc
            FROM audit_round WHERE partnership_id = @PartnershipId AND round_id = @RoundId
            """;
        const string casesSql = """
            SELECT s.list AS List, s.position AS Position, s.case_ref AS CaseRef, s.origin AS Origin, c.agency AS Agency, c.case_type AS CaseType, c.team AS Team
            FROM sample_case s LEFT JOIN case_record c ON c.partnership_id = s.partnership_id AND c.case_ref = s.case_ref
            WHERE s.round_id = @RoundId
            ORDER BY CASE s.list WHEN 'sample' THEN 0 WHEN 're-audit' THEN 1 WHEN 'reserve' THEN 2 ELSE 3 END, s.position
            """;
        const string changesSql = """
            SELECT position AS Position, action AS Action, case_ref AS CaseRef, replacement_ref AS ReplacementRef, changed_by AS ChangedBy,
                   reason AS Reason, changed_utc AS ChangedUtc
            FROM sample_change WHERE round_id = @RoundId ORDER BY position
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var args = new { PartnershipId = partnershipId, RoundId = roundId };
        var round = await connection.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(roundSql, args, cancellationToken: cancellationToken))
            ?? throw new ArgumentException($"There is no round '{roundId}' in partnership '{partnershipId}'.");
        var cases = (await connection.QueryAsync<Entry>(new CommandDefinition(casesSql, args, cancellationToken: cancellationToken))).ToList();
        var changes = (await connection.QueryAsync<Change>(new CommandDefinition(changesSql, args, cancellationToken: cancellationToken))).ToList();
        foreach (var entry in cases)
        {
            entry.Note = NoteFor(entry, changes);
        }

        return new Model(round.RoundId, round.CycleId, Cycles.CycleFile.ReadStored(round.CycleJson).Name, round.Kind, round.StartedUtc, round.Status,
            SamplingRecord.FromJson(round.SamplingJson), cases)
        {
            LockedBy = round.LockedBy,
            LockedUtc = round.LockedUtc,
            Changes = changes,
        };
    }

    public static string Render(Model model, string format) => format switch
    {
        "md" => SampleReportText.Markdown(model),
        "html" => SampleReportText.Html(model),
        "csv" => SampleReportText.Csv(model),
        "json" => System.Text.Json.JsonSerializer.Serialize(model, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { WriteIndented = true }),
        _ => throw new ArgumentException($"Unknown report format '{format}': use {string.Join(", ", Formats)}."),
    };

    /// <summary>A population filter in words, e.g. "agencies csc, police; open cases; opened from 2026-01-01".</summary>
    public static string Describe(PopulationFilter filter)
    {
        var parts = new List<string>();
        void List(string name, IReadOnlyList<string>? values)
        {
            if (values is { Count: > 0 })
            {
                parts.Add(name + " " + string.Join(", ", values));
            }
        }

        List("agencies", filter.Agencies);
        List("case types", filter.CaseTypes);
        List("teams", filter.Teams);
        List("schools", filter.Schools);
        List("age bands", filter.AgeBands);
        List("tagged", filter.Tags);
        parts.Add(filter.OpenOnly ? "open cases" : "open and closed cases");
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (filter.OpenedFrom is { } of)
        {
            parts.Add("opened from " + Day(of));
        }

        if (filter.OpenedTo is { } ot)
        {
            parts.Add("opened up to " + Day(ot));
        }

        if (filter.ClosedFrom is { } cf)
        {
            parts.Add("closed from " + Day(cf));
        }

        if (filter.ClosedTo is { } ct)
        {
            parts.Add("closed up to " + Day(ct));
        }

        if (filter.RequireSchool)
        {
            parts.Add("with a school");
        }

        return string.Join("; ", parts);
    }

    internal static string Utc(DateTime t) => t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string? NoteFor(Entry entry, List<Change> changes)
    {
        if (entry.List == SampleList.Replaced && changes.Find(c => c.Action == "replace" && c.CaseRef == entry.CaseRef) is { } replaced)
        {
            return $"replaced by {replaced.ReplacementRef} ({replaced.ChangedBy}, {Utc(replaced.ChangedUtc)}): {replaced.Reason}";
        }

        if (entry.Origin == SampleList.FromReserve && changes.Find(c => c.Action == "replace" && c.ReplacementRef == entry.CaseRef) is { } replacement)
        {
            return $"reserve, replaces {replacement.CaseRef} ({replacement.ChangedBy}, {Utc(replacement.ChangedUtc)}): {replacement.Reason}";
        }

        if (entry.Origin == SampleList.HandAdded && changes.Find(c => c.Action == "add" && c.CaseRef == entry.CaseRef) is { } added)
        {
            return $"HAND-ADDED, not drawn ({added.ChangedBy}, {Utc(added.ChangedUtc)}): {added.Reason}";
        }

        return entry.Origin == SampleList.HandAdded ? "HAND-ADDED, not drawn" : null;
    }
}
