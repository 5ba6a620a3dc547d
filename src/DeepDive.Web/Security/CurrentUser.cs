using System.Security.Claims;
using DeepDive.Domain.Users;
using DeepDive.Engine.Users;

namespace DeepDive.Web.Security;

/// <summary>Who is asking, as their sign-in (cookie or token) carries it: the partnership, the role, and what they are linked to.</summary>
public sealed record CurrentUser(string UserId, string PartnershipId, string Email, string Name, Role Role, string? AuditorId, string? School)
{
    public const string PartnershipClaim = "deepdive:partnership";
    public const string AuditorClaim = "deepdive:auditor";
    public const string SchoolClaim = "deepdive:school";

    public static IEnumerable<Claim> ClaimsOf(AppUser user)
    {
        yield return new Claim(ClaimTypes.NameIdentifier, user.UserId);
        yield return new Claim(ClaimTypes.Email, user.Email);
        yield return new Claim(ClaimTypes.Name, user.Name);
        yield return new Claim(ClaimTypes.Role, user.Role.Name());
        yield return new Claim(PartnershipClaim, user.PartnershipId);
        if (user.AuditorId is { } auditor)
        {
            yield return new Claim(AuditorClaim, auditor);
        }

        if (user.School is { } school)
        {
            yield return new Claim(SchoolClaim, school);
        }
    }

    /// <summary>The signed-in user, or null for an anonymous request.</summary>
    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id
            || principal.FindFirstValue(PartnershipClaim) is not { } partnership
            || !Roles.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        return new CurrentUser(id, partnership, principal.FindFirstValue(ClaimTypes.Email) ?? "", principal.FindFirstValue(ClaimTypes.Name) ?? "",
            role, principal.FindFirstValue(AuditorClaim), principal.FindFirstValue(SchoolClaim));
    }

    /// <summary>Whether this user may see case references at all (a viewer never does).</summary>
    public bool SeesCaseReferences => Role is not (Role.Viewer or Role.School);
}
