using DeepDive.Domain.Users;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Learning;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Users;

namespace DeepDive.Web.Security;

/// <summary>
/// The one resource check: which objects a signed-in user may see. Every query of case-level data goes through
/// it; an object out of scope throws <see cref="NotFoundException"/> (404), never 403, so nothing leaks whether it
/// exists. Partnership: every user sees only their own. Auditor: only the tasks (and their cases) assigned to them,
/// until the round closes. School: only its own feedback. Viewer: no case references.
/// </summary>
public sealed class Scope(CurrentUser user, AuditorStore auditors)
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

    public bool MaySee(TaskBoard.TaskView task, bool roundClosed) => MaySeeTask(task.AuditorId, roundClosed);

    /// <summary>The task if the user may see it (managers and moderators: any of the partnership; an auditor: their own, while its round is open), else 404.</summary>
    public AuditorTaskQuery.Detail Task(AuditorTaskQuery.Detail? task) =>
        task is not null && MaySee(task) ? task : throw new NotFoundException("task");

    public bool MaySee(AuditorTaskQuery.Detail task) => MaySeeTask(task.AuditorId, task.RoundClosed);

    /// <summary>
    /// A submitted task, for its confirmation: as <see cref="Task(AuditorTaskQuery.Detail?)"/>, and also the auditor's own
    /// whose round their submission has just closed (the confirmation then shows nothing of the case).
    /// </summary>
    public AuditorTaskQuery.Detail SubmittedTask(AuditorTaskQuery.Detail? task) =>
        task is { Submitted: true } && (MaySee(task) || IsTheirs(task.AuditorId)) ? task : throw new NotFoundException("task");

    /// <summary>Whether the user may answer the task: only the auditor it is assigned to, while its round is open.</summary>
    public bool MayAnswer(AuditorTaskQuery.Detail task) => User.Role == Role.Auditor && IsTheirs(task.AuditorId) && !task.RoundClosed;

    /// <summary>Which tasks the user's task list holds: every task of the partnership for managers and moderators; an auditor's own in open rounds.</summary>
    public AuditorTaskQuery.Filter TaskList(bool submitted) => User.Role switch
    {
        Role.Manager or Role.Moderator => new(PartnershipId, null, OpenRoundsOnly: false, submitted),
        Role.Auditor when User.AuditorId is not null => new(PartnershipId, User.AuditorId, OpenRoundsOnly: true, submitted),
        _ => throw new NotFoundException("task list"),
    };

    private bool MaySeeTask(string? auditorId, bool roundClosed) => User.Role switch
    {
        Role.Manager or Role.Moderator => true,
        Role.Auditor => IsTheirs(auditorId) && !roundClosed,
        _ => false,
    };

    // An auditor account not linked to an auditor owns no task, not every task without one.
    private bool IsTheirs(string? auditorId) => User.AuditorId is not null && string.Equals(auditorId, User.AuditorId, StringComparison.Ordinal);

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

    /// <summary>A cycle of the user's partnership (the store was asked with <see cref="PartnershipId"/>), for a manager; else 404.</summary>
    public CycleEntry Cycle(CycleEntry? cycle) =>
        cycle is not null && User.Role == Role.Manager ? cycle : throw new NotFoundException("cycle");

    /// <summary>A round of the user's partnership (the store was asked with <see cref="PartnershipId"/>), for a manager or moderator; else 404.</summary>
    public RoundDetail Round(RoundDetail? round) =>
        round is not null && User.Role is Role.Manager or Role.Moderator ? round : throw new NotFoundException("round");

    /// <summary>
    /// Whether the committee report this user gets is the published version (no case reference, small counts about
    /// children as "fewer than 5"): as asked for managers and moderators, always for anyone who sees no case references.
    /// </summary>
    public bool CommitteeReportPublished(bool asked) => asked || !User.SeesCaseReferences;

    /// <summary>A case reference as this user may see it: itself, or nothing for a viewer.</summary>
    public string? CaseReference(string caseRef) => User.SeesCaseReferences ? caseRef : null;

    // ---- Action plans and case reviews (web-actions) ----

    private string? agency;
    private bool agencyKnown;

    /// <summary>
    /// The agency whose actions the user owns: an auditor's, through the auditor they are linked to; null for anyone
    /// else (managers update every action; moderators and viewers none).
    /// </summary>
    public async Task<string?> AgencyAsync(CancellationToken cancellationToken)
    {
        if (!agencyKnown)
        {
            agency = User.Role == Role.Auditor && User.AuditorId is { } auditorId
                ? await auditors.AgencyOfAsync(PartnershipId, auditorId, cancellationToken)
                : null;
            agencyKnown = true;
        }

        return agency;
    }

    /// <summary>
    /// Whether the user may see the action (of their partnership: the store was asked with <see cref="PartnershipId"/>):
    /// managers, moderators and viewers every one; an auditor only their agency's confirmed actions.
    /// </summary>
    public async Task<bool> MaySeeAsync(PlanAction action, CancellationToken cancellationToken) => User.Role switch
    {
        Role.Manager or Role.Moderator or Role.Viewer => true,
        Role.Auditor => !action.IsProposed && SameAgency(action.OwnerAgency, await AgencyAsync(cancellationToken)),
        _ => false,
    };

    /// <summary>The action if the user may see it, else 404.</summary>
    public async Task<PlanAction> ActionAsync(PlanAction? action, CancellationToken cancellationToken) =>
        action is not null && await MaySeeAsync(action, cancellationToken) ? action : throw new NotFoundException("action");

    /// <summary>The actions of a list the user may see.</summary>
    public async Task<IReadOnlyList<PlanAction>> ActionsAsync(IEnumerable<PlanAction> actions, CancellationToken cancellationToken)
    {
        var seen = new List<PlanAction>();
        foreach (var action in actions)
        {
            if (await MaySeeAsync(action, cancellationToken))
            {
                seen.Add(action);
            }
        }

        return seen;
    }

    /// <summary>Whether the user owns the action (one they may see): a manager any; an auditor their agency's; moderators and viewers none.</summary>
    public async Task<bool> MayUpdateAsync(PlanAction action, CancellationToken cancellationToken) => User.Role switch
    {
        Role.Manager => true,
        Role.Auditor => await MaySeeAsync(action, cancellationToken),
        _ => false,
    };

    /// <summary>Whether the user confirms and edits proposed actions, and changes reviews: managers.</summary>
    public bool MayManageActions => User.Role == Role.Manager;

    /// <summary>
    /// The case an audit round's action came from, for managers and moderators only: viewers never see a case reference,
    /// and an auditor's access to a case ended when its round closed.
    /// </summary>
    public string? ActionCaseReference(PlanAction action) => User.Role is Role.Manager or Role.Moderator ? action.CaseRef : null;

    /// <summary>A case review of the user's partnership (the store was asked with <see cref="PartnershipId"/>), else 404.</summary>
    public CaseReview Review(CaseReview? review) =>
        review is not null && User.Role is Role.Manager or Role.Moderator or Role.Viewer or Role.Auditor ? review : throw new NotFoundException("case review");

    private static bool SameAgency(string owner, string? agency) =>
        agency is not null && string.Equals(owner.Trim(), agency.Trim(), StringComparison.OrdinalIgnoreCase);
}
