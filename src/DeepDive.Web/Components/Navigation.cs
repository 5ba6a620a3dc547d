using DeepDive.Domain.Users;

namespace DeepDive.Web.Components;

/// <summary>The service navigation: each section of the app and the roles that see it (the policies still decide access).</summary>
public static class Navigation
{
    public sealed record Item(string Href, string Label, Role[] Roles);

    private static readonly Role[] Staff = [Role.Manager, Role.Moderator];

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/dashboard", "Dashboard", [Role.Manager, Role.Moderator, Role.Viewer]),
        new("/tasks", "Your tasks", [Role.Auditor]),
        new("/cycles", "Cycles", [Role.Manager]),
        new("/rounds", "Rounds", Staff),
        new("/register", "Cases and auditors", [Role.Manager]),
        new("/calendars", "Calendars", [Role.Manager]),
        new("/outbox", "Notifications", [Role.Manager]),
        new("/actions", "Actions", [Role.Manager, Role.Moderator, Role.Viewer, Role.Auditor]),
        new("/reviews", "Case reviews", [Role.Manager, Role.Moderator, Role.Viewer]),
        new("/learning", "Learning", [Role.Manager, Role.Moderator]),
        new("/feedback", "Feedback", [Role.School]),
        new("/reports", "Reports", [Role.Manager, Role.Moderator, Role.Viewer]),
        new("/users", "Users", [Role.Manager]),
        new("/access-log", "Access log", [Role.Manager]),
    ];

    public static IEnumerable<Item> For(Role role) => Items.Where(i => i.Roles.Contains(role));

    /// <summary>Where a user lands after signing in.</summary>
    public static string Home(Role role) => role switch
    {
        Role.Auditor => "/tasks",
        Role.School => "/feedback",
        _ => "/dashboard",
    };
}
