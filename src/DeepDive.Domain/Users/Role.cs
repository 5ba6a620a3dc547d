namespace DeepDive.Domain.Users;

/// <summary>
/// What a person does in the partnership, and so what they may see: a manager runs the programme, a moderator checks
/// grades, an auditor completes deep-dive tasks, a school's designated safeguarding lead reads its own feedback, a
/// viewer (a committee member) reads dashboards and reports without case references.
/// </summary>
public enum Role
{
    Manager,
    Moderator,
    Auditor,
    School,
    Viewer,
}

public static class Roles
{
    public static string Name(this Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out Role role) =>
        Enum.TryParse(value, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(value, out _);

    public static string List => string.Join(", ", Enum.GetValues<Role>().Select(Name));
}
