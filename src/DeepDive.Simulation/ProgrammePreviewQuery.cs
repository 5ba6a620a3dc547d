using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Simulation;

/// <summary>Reads a <see cref="ProgrammePreview"/> from the store after a run, between two instants.</summary>
public static class ProgrammePreviewQuery
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private sealed class RoundRow
    {
        public string RoundId { get; set; } = "";
        public string CycleId { get; set; } = "";
        public string Kind { get; set; } = "";
        public DateTime ScheduledForUtc { get; set; }
        public DateTime StartedUtc { get; set; }
        public string? Note { get; set; }
        public string Status { get; set; } = "";
        public long Cases { get; set; }
        public long Tasks { get; set; }
        public long TasksLate { get; set; }
    }

    private sealed class LoadRow
    {
        public string AuditorId { get; set; } = "";
        public string Name { get; set; } = "";
        public int MonthlyCapacity { get; set; }
        public DateTime OpenedUtc { get; set; }
    }

    public static async Task<ProgrammePreview> RunAsync(Database database, string partnershipId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var arguments = new { P = partnershipId, From = fromUtc, To = toUtc };

        const string roundsSql = """
            SELECT r.round_id AS RoundId, r.cycle_id AS CycleId, r.kind AS Kind, COALESCE(r.moved_from_utc, r.scheduled_for_utc) AS ScheduledForUtc,
                   r.started_utc AS StartedUtc, COALESCE(r.move_reason, r.start_note) AS Note, r.status AS Status,
                   (SELECT COUNT(*) FROM deep_dive d WHERE d.round_id = r.round_id) AS Cases,
                   (SELECT COUNT(*) FROM audit_task t WHERE t.round_id = r.round_id) AS Tasks,
                   (SELECT COUNT(*) FROM audit_task t WHERE t.round_id = r.round_id AND t.late = 1) AS TasksLate
            FROM audit_round r
            WHERE r.partnership_id = @P AND r.started_utc >= @From AND r.started_utc <= @To
            ORDER BY r.started_utc, r.round_id
            """;
        var rounds = (await connection.QueryAsync<RoundRow>(new CommandDefinition(roundsSql, arguments, cancellationToken: cancellationToken)))
            .Select(r => new ProgrammePreview.Round(r.RoundId, r.CycleId, r.Kind, Local(r.ScheduledForUtc), Local(r.StartedUtc), r.Note,
                (int)r.Cases, (int)r.Tasks, (int)r.TasksLate, r.Status))
            .ToList();

        var months = MonthsBetween(fromUtc, toUtc);
        var opened = await DatesAsync("SELECT opened_utc FROM audit_task WHERE partnership_id = @P AND opened_utc >= @From AND opened_utc <= @To");
        var due = await DatesAsync("SELECT due_utc FROM audit_task WHERE partnership_id = @P AND due_utc >= @From AND due_utc <= @To");
        var late = await DatesAsync("SELECT due_utc FROM audit_task WHERE partnership_id = @P AND late = 1 AND due_utc >= @From AND due_utc <= @To");
        var reminders = await DatesAsync("SELECT created_utc FROM notification_outbox WHERE partnership_id = @P AND kind = 'reminder' AND created_utc >= @From AND created_utc <= @To");
        var escalations = await DatesAsync("SELECT created_utc FROM notification_outbox WHERE partnership_id = @P AND kind = 'escalation' AND created_utc >= @From AND created_utc <= @To");
        var reAudits = await DatesAsync("SELECT due_utc FROM re_audit WHERE partnership_id = @P AND due_utc >= @From AND due_utc <= @To");
        var monthRows = months.Select(m => new ProgrammePreview.Month(m,
            InMonth(opened, m), InMonth(due, m), InMonth(late, m), InMonth(reminders, m), InMonth(escalations, m), InMonth(reAudits, m))).ToList();

        const string loadSql = """
            SELECT a.auditor_id AS AuditorId, a.name AS Name, a.monthly_capacity AS MonthlyCapacity, t.opened_utc AS OpenedUtc
            FROM auditor a JOIN audit_task t ON t.partnership_id = a.partnership_id AND t.auditor_id = a.auditor_id
            WHERE a.partnership_id = @P AND t.opened_utc >= @From AND t.opened_utc <= @To
            """;
        var loads = (await connection.QueryAsync<LoadRow>(new CommandDefinition(loadSql, arguments, cancellationToken: cancellationToken)))
            .GroupBy(r => r.AuditorId, StringComparer.Ordinal)
            .Select(g => new ProgrammePreview.AuditorLoad(g.Key, g.First().Name, g.First().MonthlyCapacity,
                months.Select(m => g.Count(r => MonthOf(r.OpenedUtc) == m)).ToList()))
            .OrderByDescending(a => a.TasksPerMonth.Max()).ThenBy(a => a.AuditorId, StringComparer.Ordinal)
            .ToList();
        return new ProgrammePreview(rounds, monthRows, loads);

        async Task<List<DateTime>> DatesAsync(string sql) =>
            (await connection.QueryAsync<DateTime>(new CommandDefinition(sql, arguments, cancellationToken: cancellationToken))).ToList();
    }

    private static int InMonth(List<DateTime> dates, DateOnly month) => dates.Count(d => MonthOf(d) == month);

    /// <summary>The first day of the UK month an instant falls in.</summary>
    public static DateOnly MonthOf(DateTime utc)
    {
        var local = Local(utc);
        return new DateOnly(local.Year, local.Month, 1);
    }

    public static IReadOnlyList<DateOnly> MonthsBetween(DateTime fromUtc, DateTime toUtc)
    {
        var months = new List<DateOnly>();
        for (var m = MonthOf(fromUtc); m <= MonthOf(toUtc); m = m.AddMonths(1))
        {
            months.Add(m);
        }

        return months;
    }

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
}
