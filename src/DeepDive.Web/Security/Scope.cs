using DeepDive.Domain.Users;
using DeepDive.Engine.Learning;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Users;

namespace DeepDive.Web.Security;

/// <summary>
/// The one resource check: which objects a signed-in user may see. Every query of case-level data goes through
/// it; an object out of scope throws <see cref="NotFoundException"/> (404), never 403, so nothing leaks whether it
/// exists. Partnership: every user sees only their own. Auditor: only the tasks (and their cases) assigned to them,
/// until the round closes. School: only its own feedback. Viewer: no case references.
/// </summary>
public sealed class Scope(CurrentUser user)
{
    public CurrentUser User { get; } = user;

    public string PartnershipId => User.PartnershipId;

    /// <summary>The task if the user may see it, else 404.</summary>
    public TaskBoard.TaskView Task(TaskBoard.TaskView? task, bool roundClosed)
    {
        if (task is null || !MaySee(task, roundClosed))
        {
            throw new NotFoundException("task");
        }

        return task;
    }

    public bool MaySee(TaskBoard.TaskView task, bool roundClosed) => User.Role switch
    {
        Role.Manager or Role.Moderator => true,
        Role.Auditor => task.AuditorId == User.AuditorId && !roundClosed,
        _ => false,
    };

    /// <summary>Whether the user may read this school's feedback.</summary>
    public bool MaySeeSchool(string school) => User.Role switch
    {
        Role.Manager or Role.Moderator => true,
        Role.School => string.Equals(school, User.School, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public string School(string school) => MaySeeSchool(school) ? school : throw new NotFoundException("school");

    /// <summary>The school whose feedback a list shows: a school's lead only its own; managers and moderators every school's (null).</summary>
    public string? FeedbackSchool() => User.Role switch
    {
        Role.Manager or Role.Moderator => null,
        Role.School when !string.IsNullOrWhiteSpace(User.School) => User.School,
        _ => throw new NotFoundException("school feedback"),
    };

    /// <summary>A school's feedback if the user may read it, else 404.</summary>
    public LearningStore.Paper Feedback(LearningStore.Paper? paper) =>
        paper is not null && MaySeeSchool(paper.Title) ? paper : throw new NotFoundException("school feedback");

    /// <summary>A user account of the signed-in user's own partnership, else 404: a manager manages only their partnership's people.</summary>
    public AppUser Account(AppUser? account) =>
        account is not null && account.PartnershipId == PartnershipId ? account : throw new NotFoundException("user");

    /// <summary>A case reference as this user may see it: itself, or nothing for a viewer.</summary>
    public string? CaseReference(string caseRef) => User.SeesCaseReferences ? caseRef : null;
}
