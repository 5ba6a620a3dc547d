using DeepDive.Domain.Actions;
using DeepDive.Web.Components;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Actions;

/// <summary>
/// The action tracker's filters (a GET form: review, agency, status, overdue only), shared by the table and the board.
/// A value that is not one of the choices is ignored rather than refused: the filters are links and selects.
/// </summary>
public abstract class TrackerPage(ActionDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "review")]
    public string? Review { get; set; }

    [BindProperty(SupportsGet = true, Name = "agency")]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public string? Overdue { get; set; }

    public ActionDesk.Tracker Tracker { get; private set; } = null!;

    public bool MayConfirm => desk.Scope.MayManageActions;

    public bool OverdueOnly => Overdue is "yes" or "true" or "on";

    protected ActionDesk.Criteria Criteria(bool withStatus) => new(
        string.IsNullOrWhiteSpace(Review) ? null : Review.Trim(),
        string.IsNullOrWhiteSpace(Agency) ? null : Agency.Trim(),
        withStatus && RagStatuses.TryParse(Status, out var status) ? status : null,
        OverdueOnly);

    protected async Task LoadAsync(bool withStatus, CancellationToken cancellationToken) =>
        Tracker = await desk.TrackerAsync(Criteria(withStatus), cancellationToken);

    /// <summary>The address of <paramref name="path"/> with the filters as they are (and a page number).</summary>
    public string Link(string path, int page = 1, bool withStatus = true) => Paging.Url(path,
        ("review", Review), ("agency", Agency), ("status", withStatus ? Status : null), ("overdue", OverdueOnly ? "yes" : null), ("page", Paging.QueryValue(page)));

    public bool Filtered(bool withStatus) => Criteria(withStatus).Any;
}
