namespace DeepDive.Domain.Users;

/// <summary>
/// What makes a password acceptable (after NCSC's advice: length over complexity, and none of the passwords
/// attackers try first).
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 256;

    /// <summary>Why the password cannot be used, or null when it can.</summary>
    public static string? Problem(string password, IReadOnlySet<string> common, string email)
    {
        if (password.Length < MinimumLength)
        {
            return $"Password must be {MinimumLength} characters or more";
        }

        if (password.Length > MaximumLength)
        {
            return $"Password must be {MaximumLength} characters or fewer";
        }

        if (common.Contains(password.ToLowerInvariant()))
        {
            return "Password is one of the most common passwords; choose another";
        }

        var local = email.Split('@')[0];
        if (local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase))
        {
            return "Password must not contain your email address";
        }

        return null;
    }
}
