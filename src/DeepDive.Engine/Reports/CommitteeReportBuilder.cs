using DeepDive.Domain.Actions;
using DeepDive.Domain.Grading;
using DeepDive.Domain.ReAudits;
using DeepDive.Engine.Actions;

namespace DeepDive.Engine.Reports;

/// <summary>
/// Builds the committee report from what <see cref="CommitteeReportQuery"/> read, by the domain's rules: an action's
/// status at the period's end from its history, the committee sentence, and, for a published report, the suppression of
/// small counts about children and the removal of case references.
/// </summary>
public static class CommitteeReportBuilder
{
    public static CommitteeReport Build(string partnershipId, CommitteeReportQuery.Inputs inputs, ReportingPeriod period, bool published, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(period);
        var start = period.Start(UkTime.Zone).UtcDateTime;
        var end = period.End(UkTime.Zone).UtcDateTime;
        var scrub = published ? new CaseReferenceScrubber(inputs.CaseReferences) : CaseReferenceScrubber.None;
        var lines = inputs.Actions.ToDictionary(a => a.ActionId, a => Line(a, inputs, end, published, scrub));

        // A review (or a round's actions) is in the period when an action of it falls due in the period, or was not complete at its start.
        bool InPeriod(IEnumerable<PlanAction> actions) => actions.Any(a =>
            period.Contains(a.DueOn) || StatusAt(inputs, a, start)?.Status is not RagStatus.Blue);

        var reviews = inputs.Reviews
            .Select(r => (Review: r, Actions: inputs.Actions.Where(a => a.ReviewId == r.ReviewId).ToList()))
            .Where(r => InPeriod(r.Actions))
            .Select(r => Review(r.Review, inputs, end, scrub, r.Actions.Select(a => lines[a.ActionId]).ToList()))
            .ToList();
        var rounds = inputs.Actions.Where(a => a.Source == ActionSource.AuditRound && a.RoundId is not null)
            .GroupBy(a => a.RoundId!)
            .Where(g => InPeriod(g))
            .Select(g =>
            {
                var actions = g.Select(a => lines[a.ActionId]).ToList();
                var closedUtc = inputs.RoundClosedUtc.GetValueOrDefault(g.Key);
                return new RoundActionsSection(g.Key, scrub.Scrub(g.First().CycleName ?? ""), closedUtc is { } c ? UkTime.DayOf(Utc(c)) : null,
                    RagCounts.Of(actions.Select(a => a.Status)), actions);
            })
            .OrderBy(r => r.ClosedOn).ThenBy(r => r.RoundId, StringComparer.Ordinal)
            .ToList();

        return new CommitteeReport
        {
            PartnershipId = partnershipId,
            PartnershipName = inputs.PartnershipName,
            Period = period,
            Published = published,
            GeneratedUtc = nowUtc,
            Totals = RagCounts.Of(reviews.SelectMany(r => r.Actions).Concat(rounds.SelectMany(r => r.Actions)).Select(a => a.Status)),
            Reviews = reviews,
            Rounds = rounds,
            ProposedActions = inputs.ProposedActions,
            Programme = Programme(inputs, end, published, nowUtc, scrub),
        };
    }

    private static ActionStatusEntry? StatusAt(CommitteeReportQuery.Inputs inputs, PlanAction action, DateTime instant) =>
        StatusHistory.InForceBefore(inputs.ActionHistories.GetValueOrDefault(action.ActionId) ?? [], e => e.AtUtc, instant);

    private static ActionLine Line(PlanAction action, CommitteeReportQuery.Inputs inputs, DateTime end, bool published, CaseReferenceScrubber scrub)
    {
        var entry = StatusAt(inputs, action, end)
            ?? throw new InvalidOperationException($"Confirmed action {action.ActionId} has no status history.");
        var overdue = entry.Status != RagStatus.Blue && end > ActionTimetable.OverdueFrom(action.DueOn, inputs.Calendar, UkTime.Zone).UtcDateTime;
        var since = UkTime.DayOf(Utc(entry.AtUtc));
        return new ActionLine(
            action.ActionId,
            scrub.Scrub(action.ReviewName ?? action.CycleName ?? ""),
            scrub.Scrub(action.RecommendationText),
            scrub.Scrub(action.Description),
            action.OwnerAgency,
            action.OwnerName,
            action.DueOn,
            entry.Status,
            since,
            overdue,
            scrub.ScrubOrNull(action.Evidence),
            scrub.ScrubOrNull(action.RecoveryPlan),
            new LatestUpdate(since, entry.Status, entry.ChangedBy, scrub.ScrubOrNull(entry.Reason), scrub.ScrubOrNull(entry.Evidence), entry.Automatic),
            published ? null : action.CaseRef);
    }

    private static ReviewSection Review(CaseReview review, CommitteeReportQuery.Inputs inputs, DateTime end, CaseReferenceScrubber scrub, List<ActionLine> actions)
    {
        // The review as it stood at the period's end; a review whose history begins later counts with its first status.
        var status = StatusHistory.InForceBefore(inputs.ReviewHistories.GetValueOrDefault(review.ReviewId) ?? [], e => e.AtUtc, end);
        var (state, reason) = status is null ? (review.Status, review.StatusReason) : (status.Status, status.Reason);
        return new ReviewSection(review.ReviewId, scrub.Scrub(review.Name), ReviewTypes.Label(review.Type), ReviewStatuses.Label(state),
            state == ReviewStatus.OnHold ? scrub.ScrubOrNull(reason) : null,
            review.IncidentOn, review.RapidReviewOn, review.SignedOffBy, review.SignedOffOn, review.PublishedOn, review.DaysToPublication,
            RagCounts.Of(actions.Select(a => a.Status)), actions);
    }

    private static AuditProgramme Programme(CommitteeReportQuery.Inputs inputs, DateTime end, bool published, DateTime nowUtc, CaseReferenceScrubber scrub)
    {
        var grades = GradingScale.Names.Select(n => (Label: GradingScale.TryParse(n, out var g) ? GradingScale.Label(g) : n,
            Count: inputs.DeepDivesCompleted.Count(d => GradingScale.TryParse(d.OverallGrade, out var grade) && GradingScale.Name(grade) == n))).ToList();
        var outcomes = new[] { ReAuditOutcome.Improved, ReAuditOutcome.Same, ReAuditOutcome.Worse }
            .Select(o => (Label: ReAuditComparison.Name(o), Count: inputs.DeepDivesCompleted.Count(d => d.Comparison == ReAuditComparison.Name(o)))).ToList();
        // Late: in after its deadline by the period's end, or still out at its end with the deadline passed (by now, for a period not yet over).
        var cutOff = end < nowUtc ? end : nowUtc;
        return new AuditProgramme(
            inputs.RoundsCompleted.Count,
            inputs.RoundsCompleted.Count(r => r.Kind != "re-audit"),
            inputs.RoundsCompleted.Count(r => r.Kind == "re-audit"),
            Figure(inputs.DeepDivesCompleted.Count, published),
            Breakdown(grades, published),
            Breakdown(outcomes.Select(o => (char.ToUpperInvariant(o.Label[0]) + o.Label[1..], o.Count)).ToList(), published),
            inputs.TasksDue.Count,
            inputs.TasksDue.Count(t => t.SubmittedUtc is { } s && s > t.DueUtc && s < end),
            inputs.TasksDue.Count(t => t.DueUtc < cutOff && (t.SubmittedUtc is null || t.SubmittedUtc >= end)),
            inputs.RoundsCompleted.Select(r => new RoundCompleted(r.RoundId, scrub.Scrub(r.CycleName), r.Kind, UkTime.DayOf(Utc(r.StartedUtc)),
                UkTime.DayOf(Utc(r.ClosedUtc)), Figure(r.Cases, published))).ToList(),
            inputs.FiringIssues.Select(f => new FiringIssue(f.CycleId, f.ScheduledForUtc, f.Kind, scrub.Scrub(f.Detail))).ToList());
    }

    private static Figure Figure(int count, bool published) =>
        new(published && count < Suppression.Threshold ? null : count, Suppression.Count(count, published));

    private static List<BreakdownLine> Breakdown(IReadOnlyList<(string Label, int Count)> parts, bool published)
    {
        var shown = Suppression.Breakdown([.. parts.Select(p => p.Count)], published);
        return parts.Select((p, i) => new BreakdownLine(p.Label, new Figure(shown[i] == Suppression.FewerThanFive || shown[i] == Suppression.NotShown ? null : p.Count, shown[i])))
            .ToList();
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
