using DeepDive.Domain.Auditors;
using DeepDive.Engine.Auditors;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Register;

/// <summary>The auditor pool, searched and a page at a time. The pool is tens or hundreds of people, so it is filtered in memory.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class AuditorsModel(AuditorStore auditors, CurrentUser user) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<Auditor> Auditors { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Search = Search?.Trim();
        var pool = await auditors.ListAsync(user.PartnershipId, cancellationToken);
        var matching = string.IsNullOrEmpty(Search) ? pool : [.. pool.Where(Matches)];
        Paging = Paging.Of(Paging.Requested(Request), PageSize, matching.Count,
            page => Paging.Url("/register/auditors", ("q", Search), ("page", Paging.QueryValue(page))));
        Auditors = [.. matching.Skip(Paging.Offset).Take(PageSize)];
    }

    private bool Matches(Auditor a) =>
        new[] { a.AuditorId, a.Name, a.Agency, a.Team, a.Manager, a.Email }.Concat(a.Skills)
            .Any(v => v is not null && v.Contains(Search!, StringComparison.OrdinalIgnoreCase));
}
