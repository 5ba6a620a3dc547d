using System.Net.Mail;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Actions;

/// <summary>
/// Changes people make to actions, checked against the rules before anything is written: a manager confirms (or edits
/// and confirms) a proposed action; an owner changes status, evidence, recovery plan, owner or due date. Every status
/// change is kept with who, when, why and the evidence. A change that breaks a rule throws <see cref="ActionRefusedException"/>.
/// </summary>
public sealed class ActionUpdates(Database database, CalendarStore calendars, TimeProvider clock)
{
    /// <summary>
    /// Confirms a proposed action, with any edits; its history starts with <see cref="ActionChange.Status"/> (green when
    /// not given), which the usual rules apply to.
    /// </summary>
    /// <param name="alsoWrite">Written in the same transaction once the change is allowed (the web app's access log).</param>
    public Task<PlanAction> ConfirmAsync(string partnershipId, string actionId, ActionChange edits, string by, CancellationToken cancellationToken,
        DomainWrite? alsoWrite = null) =>
        ChangeAsync(partnershipId, actionId, edits, by, confirming: true, alsoWrite, cancellationToken);

    /// <summary>Changes a confirmed action: its status (kept in its history) and any of its fields.</summary>
    /// <param name="alsoWrite">Written in the same transaction once the change is allowed (the web app's access log).</param>
    public Task<PlanAction> UpdateAsync(string partnershipId, string actionId, ActionChange change, string by, CancellationToken cancellationToken,
        DomainWrite? alsoWrite = null) =>
        ChangeAsync(partnershipId, actionId, change, by, confirming: false, alsoWrite, cancellationToken);

    private async Task<PlanAction> ChangeAsync(string partnershipId, string actionId, ActionChange change, string by, bool confirming, DomainWrite? alsoWrite,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        by = by.Trim();
        var calendar = await calendars.ForPartnershipAsync(partnershipId, schoolHolidays: false, cancellationToken);
        return await database.WriteAsync(async (connection, transaction, ct) =>
        {
            var action = await FindAsync(connection, transaction, partnershipId, actionId, ct);
            if (Refusal(action, confirming) is { } refusal)
            {
                throw new ActionRefusedException([new ActionProblem(StatusChangeRules.StatusField, refusal)]);
            }

            var now = clock.GetUtcNow();
            var changed = Apply(action, change, now.UtcDateTime);
            var status = confirming ? change.Status ?? RagStatus.Green : change.Status;
            if (confirming)
            {
                changed = changed with { State = ActionState.Confirmed, ConfirmedBy = by, ConfirmedUtc = now.UtcDateTime };
            }

            Check(changed, change, status, calendar, now);
            await ActionStore.UpdateAsync(connection, transaction, changed, ct);
            if (alsoWrite is not null)
            {
                await alsoWrite(connection, transaction, ct);
            }

            if (status is not { } to)
            {
                return changed;
            }

            var reason = Trimmed(change.Comment) ?? (confirming ? "Confirmed" : null);
            await ActionStore.AppendStatusAsync(connection, transaction, partnershipId, changed.ActionId,
                new ActionStatusEntry(0, to, now.UtcDateTime, now.UtcDateTime, by, reason, Trimmed(change.Evidence), false), ct);
            return changed with { Status = to, StatusSinceUtc = now.UtcDateTime };
        }, cancellationToken);
    }

    /// <summary>Why the action cannot be confirmed (it was already) or updated (it is still proposed), or null.</summary>
    private static string? Refusal(PlanAction action, bool confirming) => (confirming, action.IsProposed) switch
    {
        (true, false) => $"Action {action.ActionId} was confirmed on {UkTime.DayOf(new DateTimeOffset(action.ConfirmedUtc ?? action.CreatedUtc, TimeSpan.Zero)):d MMMM yyyy} by {action.ConfirmedBy}; change it with 'deepdive action update'",
        (false, true) => $"Action {action.ActionId} is proposed: a manager confirms it first ('deepdive action confirm {action.ActionId}')",
        _ => null,
    };

    private static async Task<PlanAction> FindAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        string partnershipId, string actionId, CancellationToken cancellationToken) =>
        await ActionStore.GetAsync(connection, transaction, partnershipId, actionId, cancellationToken)
            ?? throw new ArgumentException($"There is no action '{actionId}' in partnership '{partnershipId}'; 'deepdive action list' shows them.");

    private static PlanAction Apply(PlanAction action, ActionChange change, DateTime nowUtc) => action with
    {
        Description = Trimmed(change.Description) ?? action.Description,
        OwnerAgency = Trimmed(change.OwnerAgency) ?? action.OwnerAgency,
        OwnerName = change.OwnerName is null ? action.OwnerName : Trimmed(change.OwnerName),
        OwnerEmail = change.OwnerEmail is null ? action.OwnerEmail : Trimmed(change.OwnerEmail),
        DueOn = change.DueOn ?? action.DueOn,
        Evidence = change.Evidence is null ? action.Evidence : Trimmed(change.Evidence),
        RecoveryPlan = change.RecoveryPlan is null ? action.RecoveryPlan : Trimmed(change.RecoveryPlan),
        UpdatedUtc = nowUtc,
    };

    /// <summary>The rules of a status change (against the action as it will be) and of the fields themselves.</summary>
    private static void Check(PlanAction changed, ActionChange change, RagStatus? status, Domain.Calendars.WorkingCalendar calendar, DateTimeOffset now)
    {
        var problems = new List<ActionProblem>();
        if (change.Description is not null && string.IsNullOrWhiteSpace(change.Description))
        {
            problems.Add(new ActionProblem("description", "Enter what the action is"));
        }

        if (change.OwnerAgency is not null && string.IsNullOrWhiteSpace(change.OwnerAgency))
        {
            problems.Add(new ActionProblem("ownerAgency", "Enter the agency that owns the action"));
        }

        if (Trimmed(change.OwnerEmail) is { } email && !MailAddress.TryCreate(email, out _))
        {
            problems.Add(new ActionProblem("ownerEmail", "Enter an email address in the correct format, like name@example.com"));
        }

        if (status is { } to)
        {
            var overdue = now >= ActionTimetable.OverdueFrom(changed.DueOn, calendar, UkTime.Zone);
            problems.AddRange(StatusChangeRules.Check(to, change.Comment, change.Evidence ?? changed.Evidence, overdue && !changed.HasRecoveryPlan));
        }

        if (problems.Count > 0)
        {
            throw new ActionRefusedException(problems);
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
