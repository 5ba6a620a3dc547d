using System.Globalization;
using DeepDive.Engine.Users;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.AccessLog;

/// <summary>
/// Who saw which case-level data and who changed what: the partnership's access log between two UK dates (both
/// included), for everyone or one user, a page at a time, and the same selection as a CSV file.
/// </summary>
[Authorize(Policy = Policies.Manage)]
public sealed class IndexModel(AccessLogStore log, UserStore users, CurrentUser user, AccessRecorder access, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Without dates, the log shows the last week.</summary>
    public const int DefaultDays = 7;

    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserEmail { get; set; }

    public IReadOnlyList<AppUser> Users { get; private set; } = [];

    public IReadOnlyList<AccessLogStore.Row> Entries { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    public string ExportHref => Query("/access-log/export", null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Users = await users.ListAsync(user.PartnershipId, cancellationToken);
        if (Select() is not { } selection)
        {
            Paging = Paging.Of(1, PageSize, 0, _ => "");
            return;
        }

        var total = await log.CountAsync(selection, cancellationToken);
        Paging = Paging.Of(Paging.Requested(Request), PageSize, total, page => Query("/access-log", page));
        Entries = await log.PageAsync(selection, Paging.Offset, PageSize, cancellationToken);
    }

    /// <summary>The same selection as a CSV file, every entry in it.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (Select() is not { } selection)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        await access.ViewedAsync("access-log", "export", cancellationToken, $"{FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}{(selection.UserEmail is null ? "" : ", " + selection.UserEmail)}");
        var rows = log.AllAsync(selection, cancellationToken).Select(r => (IReadOnlyList<string?>)
        [
            UkTime.Local(r.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            r.UserEmail, r.Action, r.ObjectType, r.ObjectId, r.Detail, r.Address,
        ]);
        return new CsvDownload($"access-log-{FirstDay:yyyy-MM-dd}-to-{LastDay:yyyy-MM-dd}.csv",
            ["time (UK)", "user", "action", "object type", "object", "detail", "address"], rows);
    }

    /// <summary>The selection the inputs make (the last week when they are empty), or null with their errors in model state.</summary>
    private AccessLogStore.Selection? Select()
    {
        var today = UkTime.Today(clock);
        if (From.IsEmpty && To.IsEmpty)
        {
            From = DateInput.Of(today.AddDays(-(DefaultDays - 1)));
            To = DateInput.Of(today);
        }

        var (from, fromError) = From.Read("Start date");
        var (to, toError) = To.Read("End date");
        if (fromError is not null)
        {
            ModelState.AddModelError(nameof(From), fromError);
        }

        if (toError is not null)
        {
            ModelState.AddModelError(nameof(To), toError);
        }
        else if (from is { } f && to is { } t && t < f)
        {
            ModelState.AddModelError(nameof(To), "End date must be the same as or after the start date");
        }

        if (!ModelState.IsValid || from is null || to is null)
        {
            return null;
        }

        (FirstDay, LastDay) = (from.Value, to.Value);
        UserEmail = string.IsNullOrWhiteSpace(UserEmail) ? null : UserEmail.Trim();
        return new AccessLogStore.Selection(user.PartnershipId, UkTime.StartUtc(FirstDay), UkTime.StartUtc(LastDay.AddDays(1)), UserEmail);
    }

    private string Query(string path, int? page) => Paging.Url(path,
        ("From.Day", From.Day), ("From.Month", From.Month), ("From.Year", From.Year),
        ("To.Day", To.Day), ("To.Month", To.Month), ("To.Year", To.Year),
        ("user", UserEmail), ("page", page is { } number ? Paging.QueryValue(number) : null));
}
