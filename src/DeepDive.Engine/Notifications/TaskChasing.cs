using System.Globalization;
using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Domain.Calendars;
using DeepDive.Domain.Notifications;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Notifications;

/// <summary>
/// Chases open tasks: every reminder and escalation whose time has come (by the round's own copy of its cycle's
/// chase policy and the partnership's working calendar) is added to the outbox once, in one transaction.
/// Returns when the next one falls due, so the chase job can sleep until then.
/// </summary>
public sealed class TaskChasing(Database database, CalendarStore calendars, Outbox outbox, NotificationSettings settings, TimeProvider clock)
{
    private sealed class OpenTask
    {
        public string PartnershipId { get; set; } = "";
        public string TaskId { get; set; } = "";
        public string RoundId { get; set; } = "";
        public string CaseRef { get; set; } = "";
        public string Agency { get; set; } = "";
        public string? AuditorId { get; set; }
        public string? AuditorName { get; set; }
        public string? AuditorEmail { get; set; }
        public string? ManagerId { get; set; }
        public string? ManagerName { get; set; }
        public string? ManagerEmail { get; set; }
        public DateTime OpenedUtc { get; set; }
        public DateTime DueUtc { get; set; }
        public string CycleJson { get; set; } = "";
    }

    public sealed record Outcome(int Reminders, int Escalations, DateTimeOffset? Next);

    public async Task<Outcome> ChaseAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT t.partnership_id AS PartnershipId, t.task_id AS TaskId, t.round_id AS RoundId, t.case_ref AS CaseRef, t.agency AS Agency,
                   t.auditor_id AS AuditorId, a.name AS AuditorName, a.email AS AuditorEmail,
                   a.manager AS ManagerId, m.name AS ManagerName, m.email AS ManagerEmail,
                   t.opened_utc AS OpenedUtc, t.due_utc AS DueUtc, r.cycle_json AS CycleJson
            FROM audit_task t
            JOIN audit_round r ON r.round_id = t.round_id
            LEFT JOIN auditor a ON a.partnership_id = t.partnership_id AND a.auditor_id = t.auditor_id
            LEFT JOIN auditor m ON m.partnership_id = a.partnership_id AND m.auditor_id = a.manager
            WHERE t.status IN (@Open, @Unassigned)
            ORDER BY t.due_utc, t.task_id
            """;
        List<OpenTask> tasks;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            tasks = (await connection.QueryAsync<OpenTask>(new CommandDefinition(sql, new { AuditTaskStatus.Open, AuditTaskStatus.Unassigned }, cancellationToken: cancellationToken))).ToList();
        }

        var now = clock.GetUtcNow();
        var cycles = new Dictionary<string, Domain.Cycles.CycleDefinition>(StringComparer.Ordinal);
        var calendarCache = new Dictionary<(string, bool), WorkingCalendar>();
        var due = new List<(string PartnershipId, Notification Notification)>();
        DateTimeOffset? next = null;
        foreach (var task in tasks)
        {
            if (!cycles.TryGetValue(task.RoundId, out var cycle))
            {
                cycles[task.RoundId] = cycle = CycleFile.ReadStored(task.CycleJson);
            }

            var calendarKey = (task.PartnershipId, cycle.AvoidsSchoolHolidays());
            if (!calendarCache.TryGetValue(calendarKey, out var calendar))
            {
                calendarCache[calendarKey] = calendar = await calendars.ForCycleAsync(task.PartnershipId, cycle, cancellationToken);
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone);
            var occasions = TaskChaser.Occasions(cycle.Chase, Utc(task.OpenedUtc), Utc(task.DueUtc), calendar.IsWorkingDay, zone);
            foreach (var occasion in occasions)
            {
                if (occasion.SendAt > now)
                {
                    next = next is null || occasion.SendAt < next ? occasion.SendAt : next;
                    break;
                }

                due.AddRange(Notifications(task, occasion, zone).Select(n => (task.PartnershipId, n)));
            }
        }

        var reminders = 0;
        var escalations = 0;
        if (due.Count > 0)
        {
            await database.WriteAsync(async (connection, transaction, ct) =>
            {
                foreach (var (partnershipId, notification) in due)
                {
                    if (await outbox.AddAsync(partnershipId, notification, connection, transaction, ct))
                    {
                        _ = notification.Kind == NotificationKinds.Reminder ? reminders++ : escalations++;
                    }
                }
            }, cancellationToken);
        }

        return new Outcome(reminders, escalations, next);
    }

    /// <summary>
    /// The messages of one occasion: a reminder to the auditor (or, for a task nobody could take, to the business
    /// team); an escalation to the auditor's line manager when the register knows their address, and always to the
    /// business team.
    /// </summary>
    private IEnumerable<Notification> Notifications(OpenTask task, ChaseOccasion occasion, TimeZoneInfo zone)
    {
        var dueLocal = TimeZoneInfo.ConvertTime(Utc(task.DueUtc), zone);
        var dueText = dueLocal.ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);
        var entry = new CalendarEntry($"{task.TaskId}@deepdive", $"Deep-dive audit due: case {task.CaseRef} ({task.Agency})",
            task.DueUtc, TimeSpan.FromMinutes(30), $"Single-agency audit for case {task.CaseRef}, round {task.RoundId}.");
        var key = occasion.KeyFor(task.TaskId);
        var what = $"the {task.Agency} audit of case {task.CaseRef} (task {task.TaskId}, round {task.RoundId})";
        var days = occasion.WorkingDays == 1 ? "1 working day" : $"{occasion.WorkingDays} working days";
        if (occasion.Kind == NotificationKinds.Reminder)
        {
            var (name, address) = task.AuditorId is not null && task.AuditorEmail is not null
                ? (task.AuditorName ?? task.AuditorId, task.AuditorEmail)
                : ("Business support team", settings.BusinessTeamAddress);
            var body = task.AuditorId is null
                ? $"No auditor could be assigned to {what}; it is due {dueText}, in {days}. See `deepdive round unassigned {task.RoundId}`."
                : $"Dear {task.AuditorName ?? task.AuditorId},\n\nThis is a reminder that {what} is due {dueText}, in {days}.\n"
                  + "Submit it with `deepdive task submit` (the deadline is attached as a calendar entry).";
            yield return new Notification(key, NotificationKinds.Reminder, name, address,
                $"Reminder: deep-dive audit due in {days} (case {task.CaseRef})", body, task.TaskId, entry);
            yield break;
        }

        var overdue = $"{what} was due {dueText} and is {days} overdue. Auditor: {(task.AuditorId is null ? "none could be assigned" : $"{task.AuditorName} ({task.AuditorId})")}.";
        if (task.ManagerEmail is not null)
        {
            yield return new Notification(key + ":manager", NotificationKinds.Escalation, task.ManagerName ?? task.ManagerId!, task.ManagerEmail,
                $"Escalation: deep-dive audit overdue (case {task.CaseRef})", $"Dear {task.ManagerName ?? task.ManagerId},\n\n{overdue}\nYou are receiving this as the auditor's line manager.", task.TaskId, entry);
        }

        yield return new Notification(key + ":business-team", NotificationKinds.Escalation, "Business support team", settings.BusinessTeamAddress,
            $"Escalation: deep-dive audit overdue (case {task.CaseRef})", overdue + (task.ManagerEmail is null ? "\nThe auditor's line manager has no address in the register." : ""), task.TaskId, entry);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
