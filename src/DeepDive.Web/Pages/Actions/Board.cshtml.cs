using DeepDive.Domain.Actions;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace DeepDive.Web.Pages.Actions;

/// <summary>The tracker's actions as a board: a column per status (red, amber, green, complete), each card linking to its action.</summary>
[Authorize(Policy = Policies.Actions)]
public sealed class BoardModel(ActionDesk desk) : TrackerPage(desk)
{
    public IEnumerable<ActionDesk.Listed> In(RagStatus status) => Tracker.Actions.Where(a => a.Action.Status == status);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(withStatus: false, cancellationToken);
}
