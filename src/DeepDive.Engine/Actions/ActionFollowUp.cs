using System.Globalization;
using DeepDive.Domain.Actions;
using DeepDive.Domain.Calendars;
using DeepDive.Domain.Notifications;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Notifications;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Actions;

/// <summary>
/// Follows up the confirmed actions that are not complete, at 08:00 UK time on working days: an overdue action with no
/// recovery plan turns red (recorded as automatic, from the moment it became overdue); an overdue action is escalated
/// to the business manager once; on the first working day of each month every owner is asked for an update, with a
/// link to the action's page. Every message goes through the outbox under a key naming its occasion, so it goes once
/// however often (and on however many nodes) the follow-up runs. Returns when it next has something to do.
/// </summary>
public sealed class ActionFollowUp(Database database, ActionStore store, CalendarStore calendars, Outbox outbox, NotificationSettings settings, TimeProvider clock)
{
    /// <summary>Who an automatic status change is recorded as made by.</summary>
    public const string Engine = "DeepDive (automatic)";

    public sealed record Outcome(int TurnedRed, int Escalations, int UpdateRequests, DateTimeOffset? Next);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await store.OpenConfirmedAsync(cancellationToken);
        var calendarOf = new Dictionary<string, WorkingCalendar>(StringComparer.Ordinal);
        var reds = new List<PlanAction>();
        var messages = new List<(string PartnershipId, Notification Message)>();
        DateTimeOffset? next = null;
        void Wake(DateTimeOffset at) => next = next is null || at < next ? at : next;

        foreach (var action in open)
        {
            if (!calendarOf.TryGetValue(action.PartnershipId, out var calendar))
            {
                calendarOf[action.PartnershipId] = calendar = await calendars.ForPartnershipAsync(action.PartnershipId, schoolHolidays: false, cancellationToken);
            }

            var overdueFrom = ActionTimetable.OverdueFrom(action.DueOn, calendar, UkTime.Zone);
            if (now < overdueFrom)
            {
                Wake(overdueFrom);
            }
            else
            {
                if (ActionTimetable.TurnsRed(action.Status ?? RagStatus.Green, action.HasRecoveryPlan, overdueFrom, now))
                {
                    reds.Add(action);
                }

                messages.Add((action.PartnershipId, Escalation(action)));
            }

            var requests = ActionTimetable.LatestUpdateRequests(now, calendar, UkTime.Zone);
            if (action.ConfirmedUtc is { } confirmed && confirmed <= requests.UtcDateTime)
            {
                messages.Add((action.PartnershipId, UpdateRequest(action, requests)));
            }

            Wake(ActionTimetable.NextUpdateRequests(now, calendar, UkTime.Zone));
        }

        var (turnedRed, escalations, updateRequests) = (0, 0, 0);
        if (reds.Count + messages.Count > 0)
        {
            await database.WriteAsync(async (connection, transaction, ct) =>
            {
                foreach (var action in reds)
                {
                    var calendar = calendarOf[action.PartnershipId];
                    var overdueFrom = ActionTimetable.OverdueFrom(action.DueOn, calendar, UkTime.Zone).UtcDateTime;
                    // In force from the moment it became overdue, unless its status changed since (the engine was down meanwhile).
                    var at = action.StatusSinceUtc is { } since && since > overdueFrom ? since : overdueFrom;
                    await ActionStore.AppendStatusAsync(connection, transaction, action.PartnershipId, action.ActionId, new ActionStatusEntry(0, RagStatus.Red,
                        at, now.UtcDateTime, Engine, $"Overdue since {Day(action.DueOn)} with no recovery plan", null, Automatic: true), ct);
                    turnedRed++;
                }

                foreach (var (partnershipId, message) in messages)
                {
                    if (await outbox.AddAsync(partnershipId, message, connection, transaction, ct))
                    {
                        _ = message.Kind == NotificationKinds.ActionEscalation ? escalations++ : updateRequests++;
                    }
                }
            }, cancellationToken);
        }

        return new Outcome(turnedRed, escalations, updateRequests, next);
    }

    private Notification Escalation(PlanAction action)
    {
        var plan = action.HasRecoveryPlan
            ? $"Its recovery plan: {action.RecoveryPlan}"
            : "It has no recovery plan, so it is now red.";
        var body = $"""
            The action below was due on {Day(action.DueOn)} and is overdue.

            {Describe(action)}

            {plan}
            See it and its history: {settings.Link($"/actions/{action.ActionId}")}
            """;
        return new Notification($"action:{action.ActionId}:overdue:{action.DueOn:yyyy-MM-dd}", NotificationKinds.ActionEscalation,
            "Business manager", settings.BusinessTeamAddress, $"Overdue action: {Short(action.Description)}", body);
    }

    private Notification UpdateRequest(PlanAction action, DateTimeOffset occasion)
    {
        var month = TimeZoneInfo.ConvertTime(occasion, UkTime.Zone).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var (name, address, note) = action.OwnerEmail is not null
            ? (action.OwnerName ?? action.OwnerAgency, action.OwnerEmail, "")
            : ("Business support team", settings.BusinessTeamAddress,
                $"\nNo owner's address is recorded for this action, so this request comes to the business team: please pass it to {action.OwnerAgency}.\n");
        var body = $"""
            Dear {action.OwnerName ?? action.OwnerAgency},

            Please give the {month} update of this action: its status, and any evidence or recovery plan.

            {Describe(action)}
            {note}
            Update it here: {settings.Link($"/actions/{action.ActionId}")}
            """;
        return new Notification($"action:{action.ActionId}:update:{TimeZoneInfo.ConvertTime(occasion, UkTime.Zone):yyyy-MM}", NotificationKinds.ActionUpdate,
            name, address, $"Update requested, {month}: {Short(action.Description)}", body);
    }

    private static string Describe(PlanAction action) => $"""
        Action: {action.Description}
        From: {(action.ReviewName is null ? action.RecommendationText : $"{action.ReviewName}, recommendation {action.RecommendationText}")}
        Owner: {action.Owner}
        Due: {Day(action.DueOn)}
        Status: {(action.Status is { } s ? RagStatuses.Label(s) : "none")}
        """;

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
