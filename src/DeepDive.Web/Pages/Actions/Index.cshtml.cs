using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace DeepDive.Web.Pages.Actions;

/// <summary>The action tracker: the actions the user may see as a table, filtered and 25 a page; proposed actions apart.</summary>
[Authorize(Policy = Policies.Actions)]
public sealed class IndexModel(ActionDesk desk) : TrackerPage(desk)
{
    public Paging Paging { get; private set; } = null!;

    public IEnumerable<ActionDesk.Listed> Shown => Tracker.Actions.Skip(Paging.Offset).Take(Paging.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(withStatus: true, cancellationToken);
        Paging = Paging.Of(Paging.Requested(Request), ActionDesk.PageSize, Tracker.Actions.Count, p => Link("/actions", p));
    }
}
