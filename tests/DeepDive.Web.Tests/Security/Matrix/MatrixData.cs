using DeepDive.Engine.Tasks;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Security.Matrix;

/// <summary>
/// The objects the matrix's URLs are made of, from the demo partnership: the people, a task assigned to
/// <see cref="Who.Auditor"/>, one assigned to the other auditor and one of theirs in a closed round, the school of
/// <see cref="Who.School"/> and another school. Add what an area's rows need here (found through the stores, as a page would find it).
/// </summary>
public sealed class MatrixData
{
    public required DemoPartnership.People People { get; init; }

    /// <summary>An open task assigned to <see cref="Who.Auditor"/>.</summary>
    public required string AssignedTaskId { get; init; }

    /// <summary>An open task of the same partnership assigned to another auditor (not to <see cref="Who.Auditor"/>).</summary>
    public required string OtherAuditorTaskId { get; init; }

    /// <summary>A task <see cref="Who.Auditor"/> submitted in a round that has closed since: no longer in their scope.</summary>
    public required string ClosedRoundTaskId { get; init; }

    /// <summary>The school of <see cref="Who.School"/>, which has feedback.</summary>
    public string SchoolName => People.SchoolName;

    /// <summary>Another school of the partnership with feedback: out of <see cref="Who.School"/>'s scope.</summary>
    public string OtherSchoolName => People.OtherSchoolName;

    /// <summary>The latest round that wrote feedback for <see cref="SchoolName"/>.</summary>
    public required string SchoolFeedbackRoundId { get; init; }

    /// <summary>The latest round that wrote feedback for <see cref="OtherSchoolName"/>.</summary>
    public required string OtherSchoolFeedbackRoundId { get; init; }

    /// <summary>A round of the partnership with a learning brief.</summary>
    public required string BriefRoundId { get; init; }

    /// <summary>A cycle of the partnership (with rounds), for its report.</summary>
    public required string CycleId { get; init; }

    /// <summary>The matrix's own cycle (retired) with a round awaiting review, and a round whose sample is locked.</summary>
    public required ProgrammeData Programme { get; init; }

    /// <summary>The account of <see cref="Who.Manager"/>: a manager cannot disable their own, so posting that changes nothing.</summary>
    public required string ManagerUserId { get; init; }

    /// <summary>An account no <see cref="Who"/> signs in with (the other school's lead), whose password may be reset.</summary>
    public required string SpareUserId { get; init; }

    /// <summary>
    /// A small action plan imported for the matrix (the demo partnership has none): actions of <see cref="Who.Auditor"/>'s
    /// agency and of another, two reviews, and a proposed action of an audit round.
    /// </summary>
    public required Actions.ActionData Actions { get; init; }

    /// <summary>The account each kind of user signs in with.</summary>
    public string EmailOf(Who who) => who switch
    {
        Who.Manager => People.Manager,
        Who.Moderator => People.Moderator,
        Who.Auditor => People.Auditor,
        Who.School => People.School,
        Who.Viewer => People.Viewer,
        Who.OtherPartnershipManager => People.OtherPartnershipManager,
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, "anonymous has no account"),
    };

    public static async Task<MatrixData> LoadAsync(TestApp app)
    {
        var learning = app.Services.GetRequiredService<Engine.Learning.LearningStore>();
        var users = app.Services.GetRequiredService<Engine.Users.UserStore>();
        var feedback = await learning.FeedbackAsync(DemoPartnership.Id, null, CancellationToken.None);
        string RoundOf(string school) => feedback.Last(f => f.Title == school).RoundId;
        async Task<string> UserIdOf(string email) => (await users.FindAsync(email, CancellationToken.None))!.UserId;

        var tasks = app.Services.GetRequiredService<TaskBoard>();
        async Task<string> OpenTaskOf(string auditorId) =>
            (await tasks.ListAsync(DemoPartnership.Id, auditorId, openOnly: true, CancellationToken.None)).First().TaskId;

        return new MatrixData
        {
            People = app.People,
            AssignedTaskId = await OpenTaskOf(app.People.AuditorId),
            OtherAuditorTaskId = await OpenTaskOf(app.People.OtherAuditorId),
            SchoolFeedbackRoundId = RoundOf(app.People.SchoolName),
            OtherSchoolFeedbackRoundId = RoundOf(app.People.OtherSchoolName),
            BriefRoundId = (await learning.BriefsAsync(DemoPartnership.Id, CancellationToken.None)).First().RoundId,
            CycleId = (await learning.BriefsAsync(DemoPartnership.Id, CancellationToken.None)).First().CycleId,
            ManagerUserId = await UserIdOf(app.People.Manager),
            SpareUserId = await UserIdOf(app.People.OtherSchool),
            ClosedRoundTaskId = await Tasks.TaskData.ClosedRoundTaskAsync(app, app.People.AuditorId),
            Programme = await ProgrammeData.LoadAsync(app),
            Actions = await DeepDive.Web.Tests.Actions.ActionData.ImportAsync(app.Services, app.People),
        };
    }
}
