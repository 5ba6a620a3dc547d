using DeepDive.Domain.Auditors;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Register;

/// <summary>The case register and the auditor pool at a glance: counts by agency, and where to search, upload and declare conflicts.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class IndexModel(CaseStore cases, AuditorStore auditors, DeclaredConflictStore conflicts, CurrentUser user) : PageModel
{
    public sealed record AgencyRow(string Agency, int Cases, int OpenCases, int Auditors, int Capacity);

    public IReadOnlyList<AgencyRow> Agencies { get; private set; } = [];

    public int Cases { get; private set; }

    public int OpenCases { get; private set; }

    public int Auditors { get; private set; }

    public int Capacity { get; private set; }

    public int Conflicts { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var caseCounts = await cases.CountByAgencyAsync(user.PartnershipId, cancellationToken);
        var pool = await auditors.ListAsync(user.PartnershipId, cancellationToken);
        Conflicts = (await conflicts.ListAsync(user.PartnershipId, null, cancellationToken)).Count;
        Cases = caseCounts.Sum(c => c.Cases);
        OpenCases = caseCounts.Sum(c => c.OpenCases);
        Auditors = pool.Count;
        Capacity = pool.Sum(a => a.MonthlyCapacity);
        var byAgency = pool.GroupBy(a => a.Agency, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<Auditor>)[.. g], StringComparer.Ordinal);
        Agencies = [.. caseCounts.Select(c => c.Agency).Union(byAgency.Keys).Order(StringComparer.Ordinal).Select(agency =>
        {
            var count = caseCounts.FirstOrDefault(c => c.Agency == agency);
            var members = byAgency.GetValueOrDefault(agency) ?? [];
            return new AgencyRow(agency, count?.Cases ?? 0, count?.OpenCases ?? 0, members.Count, members.Sum(a => a.MonthlyCapacity));
        })];
    }
}
