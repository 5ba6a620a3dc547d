using DeepDive.Domain.Users;
using DeepDive.Web.Security;

namespace DeepDive.Web.Api;

/// <summary><c>GET /api/v1/me</c>: who the token (or session) acts as, so a program can check its token before it starts.</summary>
public sealed class MeApi : IApiEndpoints
{
    public sealed record Me(string Email, string Name, string Role, string Partnership, string? AuditorId, string? School);

    public void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", (CurrentUser user) => TypedResults.Ok(new Me(user.Email, user.Name, user.Role.Name(), user.PartnershipId, user.AuditorId, user.School)))
            .WithName("Me")
            .WithSummary("Who the token acts as")
            .WithDescription("The account a personal access token (or a signed-in session) acts as: its role, partnership, and the auditor or school it is linked to.")
            .WithTags("Account");
}
