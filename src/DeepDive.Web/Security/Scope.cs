using DeepDive.Domain.Users;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Tasks;

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

    /// <summary>A cycle of the user's partnership (the store was asked with <see cref="PartnershipId"/>), for a manager; else 404.</summary>
    public CycleEntry Cycle(CycleEntry? cycle) =>
        cycle is not null && User.Role == Role.Manager ? cycle : throw new NotFoundException("cycle");

    /// <summary>A round of the user's partnership (the store was asked with <see cref="PartnershipId"/>), for a manager or moderator; else 404.</summary>
    public RoundDetail Round(RoundDetail? round) =>
        round is not null && User.Role is Role.Manager or Role.Moderator ? round : throw new NotFoundException("round");

    /// <summary>A case reference as this user may see it: itself, or nothing for a viewer.</summary>
    public string? CaseReference(string caseRef) => User.SeesCaseReferences ? caseRef : null;
}
