using DeepDive.Engine.Notifications;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using View = DeepDive.Engine.Notifications.OutboxQuery.View;

namespace DeepDive.Web.Pages.Outbox;

/// <summary>
/// The reminders and escalations the engine sends: queued, retrying after a failed attempt, sent, and failed for good
/// (after 12 attempts). One that gave up can be queued again once its cause is fixed, or all of them at once.
/// </summary>
[Authorize(Policy = Policies.Manage)]
public sealed class IndexModel(OutboxQuery query, Engine.Notifications.Outbox outbox, CurrentUser user, AccessRecorder access) : PageModel
{
    public const int PageSize = 25;

    public static IReadOnlyList<(View View, string Name, string Label, string Tag)> Views { get; } =
    [
        (View.Failed, "failed", "Failed", "govuk-tag govuk-tag--red"),
        (View.Retrying, "retrying", "Retrying", "govuk-tag govuk-tag--yellow"),
        (View.Queued, "queued", "Queued", "govuk-tag govuk-tag--grey"),
        (View.Sent, "sent", "Sent", "govuk-tag govuk-tag--green"),
    ];

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public OutboxQuery.Counts Counts { get; private set; } = new(0, 0, 0, 0);

    public (View View, string Name, string Label, string Tag) Shown { get; private set; } = Views[0];

    public IReadOnlyList<Engine.Notifications.Outbox.Row> Notifications { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await query.CountAsync(user.PartnershipId, cancellationToken);
        // Without a choice, the first state that has notifications, most urgent first.
        Shown = Views.FirstOrDefault(v => v.Name == Status, Views.FirstOrDefault(v => Counts.Of(v.View) > 0, Views[^1]));
        Paging = Paging.Of(Paging.Requested(Request), PageSize, Counts.Of(Shown.View), page =>
            Paging.Url("/outbox", ("status", Shown.Name), ("page", Paging.QueryValue(page))));
        Notifications = await query.PageAsync(user.PartnershipId, Shown.View, Paging.Offset, PageSize, cancellationToken);
        if (Notifications.Count > 0)
        {
            await access.ViewedAsync("outbox", Shown.Name, cancellationToken, $"page {Paging.Page}, {Notifications.Count} notifications shown");
        }
    }

    /// <summary>How a notification was delivered, in words: by the mail server, or written as an email file (when no mail server is set up).</summary>
    public static string DeliveredBy(string? via) => via switch
    {
        null => "",
        _ when via.StartsWith("smtp ", StringComparison.Ordinal) => $" by the mail server {via[5..]}",
        _ when via.StartsWith("eml ", StringComparison.Ordinal) => " as an email file (no mail server is set up)",
        _ => $" by {via}",
    };

    /// <summary>Queues one notification that gave up again.</summary>
    public async Task<IActionResult> OnPostSendAgainAsync(string? id, CancellationToken cancellationToken)
    {
        var queued = string.IsNullOrWhiteSpace(id) ? 0 : await outbox.RequeueFailedAsync(user.PartnershipId, id.Trim(), cancellationToken);
        if (queued == 0)
        {
            // Another manager sent it again first, or it is not this partnership's: nothing to do, and nothing to tell.
            TempData["Success"] = "That notification is no longer waiting to be sent again.";
            return Redirect("/outbox?status=failed");
        }

        await access.ChangedAsync("notification", id!.Trim(), "queued again after it failed", cancellationToken);
        TempData["Success"] = "The notification is queued to be sent again. It is tried once more within a minute.";
        return Redirect("/outbox?status=queued");
    }

    /// <summary>Queues every notification of the partnership that gave up again.</summary>
    public async Task<IActionResult> OnPostSendAllAgainAsync(CancellationToken cancellationToken)
    {
        var queued = await outbox.RequeueFailedAsync(user.PartnershipId, null, cancellationToken);
        if (queued > 0)
        {
            await access.ChangedAsync("notification", "all-failed", $"{queued} failed notifications queued again", cancellationToken);
        }

        TempData["Success"] = queued == 0
            ? "No notifications were waiting to be sent again."
            : $"{Counted.Of(queued, "notification is", "notifications are")} queued to be sent again.";
        return Redirect(queued == 0 ? "/outbox" : "/outbox?status=queued");
    }
}
