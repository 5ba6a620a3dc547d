using DeepDive.Domain.Cases;
using DeepDive.Engine.Cases;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Register;

/// <summary>The case register, searched and a page at a time: pseudonymised references and what sampling uses, never names.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class CasesModel(CaseStore cases, CurrentUser user, AccessRecorder access) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public IReadOnlyList<CaseRecord> Cases { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Search = Search?.Trim();
        var asked = Paging.Requested(Request) is > 1 and var requested ? requested : 1;
        var found = await cases.SearchAsync(user.PartnershipId, Search, (asked - 1) * PageSize, PageSize, cancellationToken);
        Paging = Paging.Of(asked, PageSize, found.Total, page => Paging.Url("/register/cases", ("q", Search), ("page", Paging.QueryValue(page))));
        if (Paging.Page != asked)
        {
            found = await cases.SearchAsync(user.PartnershipId, Search, Paging.Offset, PageSize, cancellationToken);
        }

        Cases = found.Cases;
        await access.ViewedAsync("case-register", string.IsNullOrEmpty(Search) ? "(all)" : Search, cancellationToken, $"page {Paging.Page}, {Cases.Count} cases shown");
    }
}
