using Dapper;
using DeepDive.Domain.Actions;
using DeepDive.Domain.Calendars;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Reports;

/// <summary>
/// Reads what the committee report is made of, for a partnership and a period in UK time: the reviews and actions with
/// their histories (from their stores), and the audit programme's rounds, deep dives, tasks and firings (its own SQL).
/// </summary>
public sealed class CommitteeReportQuery(Database database, CaseReviewStore reviews, ActionStore actions, CalendarStore calendars, TimeProvider clock)
{
    public sealed class RoundRow
    {
        public string RoundId { get; init; } = "";
        public string CycleName { get; init; } = "";
        public string Kind { get; init; } = "";
        public DateTime StartedUtc { get; init; }
        public DateTime ClosedUtc { get; init; }
        public int Cases { get; init; }
    }

    public sealed class DeepDiveRow
    {
        public string? OverallGrade { get; init; }
        public string? Comparison { get; init; }
    }

    public sealed class TaskRow
    {
        public DateTime DueUtc { get; init; }
        public DateTime? SubmittedUtc { get; init; }
    }

    public sealed class FiringRow
    {
        public string CycleId { get; init; } = "";
        public DateTime ScheduledForUtc { get; init; }
        public string Kind { get; init; } = "";
        public string Detail { get; init; } = "";
    }

    /// <summary>Everything the report is built from.</summary>
    public sealed record Inputs(
        string PartnershipName,
        IReadOnlyList<CaseReview> Reviews,
        IReadOnlyDictionary<string, IReadOnlyList<ReviewStatusEntry>> ReviewHistories,
        IReadOnlyList<PlanAction> Actions,
        IReadOnlyDictionary<string, IReadOnlyList<ActionStatusEntry>> ActionHistories,
        int ProposedActions,
        IReadOnlyDictionary<string, DateTime?> RoundClosedUtc,
        IReadOnlyList<RoundRow> RoundsCompleted,
        IReadOnlyList<DeepDiveRow> DeepDivesCompleted,
        IReadOnlyList<TaskRow> TasksDue,
        IReadOnlyList<FiringRow> FiringIssues,
        IReadOnlySet<string> CaseReferences,
        WorkingCalendar Calendar);

    /// <summary>The report for <paramref name="period"/>; <paramref name="published"/> for the public version.</summary>
    public async Task<CommitteeReport> LoadAsync(string partnershipId, ReportingPeriod period, bool published, CancellationToken cancellationToken)
    {
        var inputs = await ReadAsync(partnershipId, period, published, cancellationToken);
        return CommitteeReportBuilder.Build(partnershipId, inputs, period, published, clock.GetUtcNow().UtcDateTime);
    }

    public async Task<Inputs> ReadAsync(string partnershipId, ReportingPeriod period, bool published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var window = new { PartnershipId = partnershipId, Start = period.Start(UkTime.Zone).UtcDateTime, End = period.End(UkTime.Zone).UtcDateTime };
        string name;
        List<RoundRow> rounds;
        List<DeepDiveRow> deepDives;
        List<TaskRow> tasks;
        List<FiringRow> firings;
        Dictionary<string, DateTime?> closed;
        HashSet<string> caseReferences = new(StringComparer.OrdinalIgnoreCase);
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            name = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                    "SELECT name FROM partnership WHERE id = @PartnershipId", window, cancellationToken: cancellationToken))
                ?? throw new ArgumentException($"There is no partnership '{partnershipId}'.");
            rounds = (await connection.QueryAsync<RoundRow>(new CommandDefinition("""
                SELECT r.round_id AS RoundId, COALESCE(c.name, r.cycle_id) AS CycleName, r.kind AS Kind, r.started_utc AS StartedUtc, r.closed_utc AS ClosedUtc,
                       (SELECT COUNT(*) FROM deep_dive d WHERE d.round_id = r.round_id) AS Cases
                FROM audit_round r
                LEFT JOIN cycle c ON c.partnership_id = r.partnership_id AND c.cycle_id = r.cycle_id
                WHERE r.partnership_id = @PartnershipId AND r.closed_utc >= @Start AND r.closed_utc < @End
                ORDER BY r.closed_utc, r.round_id
                """, window, cancellationToken: cancellationToken))).ToList();
            deepDives = (await connection.QueryAsync<DeepDiveRow>(new CommandDefinition("""
                SELECT overall_grade AS OverallGrade, comparison AS Comparison FROM deep_dive
                WHERE partnership_id = @PartnershipId AND closed_utc >= @Start AND closed_utc < @End
                """, window, cancellationToken: cancellationToken))).ToList();
            tasks = (await connection.QueryAsync<TaskRow>(new CommandDefinition("""
                SELECT due_utc AS DueUtc, submitted_utc AS SubmittedUtc FROM audit_task
                WHERE partnership_id = @PartnershipId AND due_utc >= @Start AND due_utc < @End
                """, window, cancellationToken: cancellationToken))).ToList();
            firings = (await connection.QueryAsync<FiringRow>(new CommandDefinition("""
                SELECT cycle_id AS CycleId, scheduled_for_utc AS ScheduledForUtc, 'failed' AS Kind, reason AS Detail FROM failed_firing
                WHERE partnership_id = @PartnershipId AND scheduled_for_utc >= @Start AND scheduled_for_utc < @End
                UNION ALL
                SELECT cycle_id, scheduled_for_utc, 'late', COALESCE(start_note, '') FROM audit_round
                WHERE partnership_id = @PartnershipId AND late = 1 AND scheduled_for_utc >= @Start AND scheduled_for_utc < @End
                ORDER BY 2, 1
                """, window, cancellationToken: cancellationToken))).ToList();
            closed = (await connection.QueryAsync<(string RoundId, DateTime? ClosedUtc)>(new CommandDefinition(
                    "SELECT round_id, closed_utc FROM audit_round WHERE partnership_id = @PartnershipId", window, cancellationToken: cancellationToken)))
                .ToDictionary(r => r.RoundId, r => r.ClosedUtc, StringComparer.Ordinal);
            if (published)
            {
                caseReferences.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                    "SELECT case_ref FROM case_record WHERE partnership_id = @PartnershipId", window, cancellationToken: cancellationToken)));
            }
        }

        return new Inputs(
            name,
            await reviews.ListAsync(partnershipId, cancellationToken),
            await reviews.HistoriesAsync(partnershipId, null, cancellationToken),
            await actions.ListAsync(partnershipId, new ActionFilter { State = ActionState.Confirmed }, cancellationToken),
            await actions.HistoriesAsync(partnershipId, null, cancellationToken),
            (await actions.ListAsync(partnershipId, new ActionFilter { State = ActionState.Proposed }, cancellationToken)).Count,
            closed, rounds, deepDives, tasks, firings, caseReferences,
            await calendars.ForPartnershipAsync(partnershipId, schoolHolidays: false, cancellationToken));
    }
}
