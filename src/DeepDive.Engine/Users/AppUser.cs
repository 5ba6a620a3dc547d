using DeepDive.Domain.Users;

namespace DeepDive.Engine.Users;

/// <summary>A person who signs in: their partnership, role, and for an auditor or a school whose work they see.</summary>
public sealed record AppUser(
    string UserId,
    string PartnershipId,
    string Email,
    string Name,
    Role Role,
    string? AuditorId,
    string? School,
    bool Disabled,
    DateTime CreatedUtc,
    DateTime? LastSignInUtc);
