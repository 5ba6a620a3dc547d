using DeepDive.Domain.Users;
using Microsoft.AspNetCore.Authorization;

namespace DeepDive.Web.Security;

/// <summary>
/// Who may reach which part of the app, by role: the first half of the one authorisation layer. The second half,
/// which object a user may see within a part, is <see cref="Scope"/>. Pages and endpoints name a policy; none
/// checks roles itself.
/// </summary>
public static class Policies
{
    /// <summary>Runs the programme: cycles, rounds, samples, registers, users, the access log.</summary>
    public const string Manage = "manage";

    /// <summary>Reads the programme's state: managers and moderators (case references), viewers (without).</summary>
    public const string Read = "read";

    /// <summary>Sees rounds and tasks with case references: managers and moderators.</summary>
    public const string Staff = "staff";

    /// <summary>Completes deep-dive tasks: auditors (and managers and moderators, who may open any task of their partnership).</summary>
    public const string Tasks = "tasks";

    /// <summary>Reads school feedback: managers and moderators (all), schools (their own).</summary>
    public const string Feedback = "feedback";

    /// <summary>Reads action plans and case reviews: managers, moderators and viewers (all), auditors (their agency's actions).</summary>
    public const string Actions = "actions";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Actions, p => p.RequireAuthenticatedUser()
            .RequireRole(Role.Manager.Name(), Role.Moderator.Name(), Role.Viewer.Name(), Role.Auditor.Name()));
        options.AddPolicy(Manage, p => p.RequireAuthenticatedUser().RequireRole(Role.Manager.Name()));
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Role.Manager.Name(), Role.Moderator.Name()));
        options.AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(Role.Manager.Name(), Role.Moderator.Name(), Role.Viewer.Name()));
        options.AddPolicy(Tasks, p => p.RequireAuthenticatedUser().RequireRole(Role.Auditor.Name(), Role.Manager.Name(), Role.Moderator.Name()));
        options.AddPolicy(Feedback, p => p.RequireAuthenticatedUser().RequireRole(Role.Manager.Name(), Role.Moderator.Name(), Role.School.Name()));
        // Anything not marked otherwise needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
