using DeepDive.Engine.Assignment;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DeepDive.Web.Api.Rounds;

/// <summary>
/// Rounds for programs: the list, a round with its tasks and unassigned tasks, its sampling report, and the review of a
/// draw (replace a case with the next reserve, add a case by hand, lock). Reading is for managers and moderators,
/// reviewing for managers; every read of case-level data and every change is written to the access log.
/// </summary>
public sealed class RoundsApi : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        var rounds = api.MapGroup("/rounds").WithTags("Rounds");
        rounds.MapGet("/", ListAsync).RequireAuthorization(Policies.Staff).WithName("ListRounds")
            .WithSummary("The partnership's rounds, newest first, with their counts; filter by status or cycle");
        rounds.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.Staff).WithName("GetRound")
            .WithSummary("A round: when it opened, its tasks with auditor and due time, and why any task has no auditor");
        rounds.MapGet("/{id}/sample", SampleAsync).RequireAuthorization(Policies.Staff).WithName("GetRoundSample")
            .WithSummary("A round's sampling report: how its cases were drawn, its lists and every change after the draw");
        rounds.MapPost("/{id}/sample/replace", ReplaceAsync).RequireAuthorization(Policies.Manage).WithName("ReplaceSampleCase")
            .WithSummary("Replaces a case of a draw under review with the next unused reserve, with the reason");
        rounds.MapPost("/{id}/sample/add", AddAsync).RequireAuthorization(Policies.Manage).WithName("AddSampleCase")
            .WithSummary("Adds a case of the register to a draw under review by hand, with the reason");
        rounds.MapPost("/{id}/sample/lock", LockAsync).RequireAuthorization(Policies.Manage).WithName("LockSample")
            .WithSummary("Locks a draw under review: auditors are assigned and the deep dives start");
    }

    public sealed record RoundItem(string RoundId, string CycleId, string Kind, string Status, DateTime StartedUtc, DateTime? ClosedUtc,
        int Cases, int Tasks, int TasksAssigned, int TasksSubmitted, int TasksUnassigned);

    public sealed record RoundView(RoundDetail Round, RoundItem Counts, IReadOnlyList<RoundTasksQuery.Entry> Tasks, IReadOnlyList<StoredExplanation> Unassigned);

    /// <param name="CaseRef">The case to replace (replace) or to add (add).</param>
    /// <param name="Reason">Why: shown in the sampling report.</param>
    public sealed record SampleChange(string? CaseRef, string? Reason);

    public sealed record Locked(string RoundId, string Status, string LockedBy);

    private static async Task<Ok<List<RoundItem>>> ListAsync(string? status, string? cycle, CurrentUser user, Database database, CancellationToken cancellationToken)
    {
        var rounds = await RoundSummary.ListAsync(database, user.PartnershipId, null, withUnassigned: false, cancellationToken);
        return TypedResults.Ok(rounds.Where(r => (status is null || r.Status == status) && (cycle is null || r.CycleId == cycle)).Select(Item).ToList());
    }

    private static async Task<Ok<RoundView>> GetAsync(string id, CurrentUser user, Scope scope, RoundStore rounds, RoundTasksQuery tasks, Database database,
        AccessRecorder access, CancellationToken cancellationToken)
    {
        var round = scope.Round(await rounds.DetailAsync(user.PartnershipId, id, cancellationToken));
        var summary = (await RoundSummary.ListAsync(database, user.PartnershipId, round.RoundId, withUnassigned: true, cancellationToken)).Single();
        var list = await tasks.ListAsync(user.PartnershipId, round.RoundId, cancellationToken);
        await access.ViewedAsync("round", round.RoundId, cancellationToken, "round through the API");
        return TypedResults.Ok(new RoundView(round, Item(summary), list, summary.Unassigned));
    }

    private static async Task<Ok<SampleReport.Model>> SampleAsync(string id, CurrentUser user, Scope scope, RoundStore rounds, SampleReport reports,
        AccessRecorder access, CancellationToken cancellationToken)
    {
        var round = scope.Round(await rounds.DetailAsync(user.PartnershipId, id, cancellationToken));
        var report = await reports.LoadAsync(user.PartnershipId, round.RoundId, cancellationToken);
        await access.ViewedAsync("sample", round.RoundId, cancellationToken, "sampling report through the API");
        return TypedResults.Ok(report);
    }

    private static Task<Results<Ok<SampleList.Replacement>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        string id, SampleChange change, CurrentUser user, Scope scope, RoundStore rounds, SampleList samples, AccessRecorder access, CancellationToken cancellationToken) =>
        ChangeSampleAsync(id, change, user, scope, rounds, access,
            (round, caseRef, reason) => samples.ReplaceAsync(user.PartnershipId, round, caseRef, By(user), reason, cancellationToken),
            (replaced, reason) => $"replaced case {replaced.Replaced} by reserve {replaced.ReplacedBy}: {reason}", cancellationToken);

    private static Task<Results<Ok<SampleList.Addition>, ValidationProblem, ProblemHttpResult>> AddAsync(
        string id, SampleChange change, CurrentUser user, Scope scope, RoundStore rounds, SampleList samples, AccessRecorder access, CancellationToken cancellationToken) =>
        ChangeSampleAsync(id, change, user, scope, rounds, access,
            (round, caseRef, reason) => samples.AddAsync(user.PartnershipId, round, caseRef, By(user), reason, cancellationToken),
            (added, reason) => $"added case {added.CaseRef} by hand: {reason}", cancellationToken);

    /// <summary>A replacement or addition: the round in scope (else 404), the case and reason given (else 400), the list still open to change (else 409).</summary>
    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> ChangeSampleAsync<T>(
        string id, SampleChange change, CurrentUser user, Scope scope, RoundStore rounds, AccessRecorder access,
        Func<string, string, string, Task<T>> act, Func<T, string, string> detail, CancellationToken cancellationToken)
    {
        var round = scope.Round(await rounds.DetailAsync(user.PartnershipId, id, cancellationToken));
        if (Invalid(change) is { } invalid)
        {
            return invalid;
        }

        var reason = change.Reason!.Trim();
        try
        {
            var done = await act(round.RoundId, change.CaseRef!.Trim(), reason);
            await access.ChangedAsync("sample", round.RoundId, detail(done, reason), cancellationToken);
            return TypedResults.Ok(done);
        }
        catch (SampleListRefusedException e)
        {
            return Refused(e);
        }
    }

    private static async Task<Results<Ok<Locked>, ProblemHttpResult>> LockAsync(
        string id, CurrentUser user, Scope scope, RoundStore rounds, SampleList samples, AccessRecorder access, CancellationToken cancellationToken)
    {
        var round = scope.Round(await rounds.DetailAsync(user.PartnershipId, id, cancellationToken));
        try
        {
            await samples.LockAsync(user.PartnershipId, round.RoundId, By(user), cancellationToken);
        }
        catch (SampleListRefusedException e)
        {
            return Refused(e);
        }

        await access.ChangedAsync("sample", round.RoundId, "locked the sample through the API", cancellationToken);
        return TypedResults.Ok(new Locked(round.RoundId, SampleList.Locked, By(user)));
    }

    private static ValidationProblem? Invalid(SampleChange change)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(change.CaseRef))
        {
            errors["caseRef"] = ["Give the case reference."];
        }

        if (string.IsNullOrWhiteSpace(change.Reason))
        {
            errors["reason"] = ["Give the reason: the sampling report shows why each case was replaced or added."];
        }
        else if (change.Reason.Trim().Length > Pages.Rounds.ReplaceModel.ReasonLength)
        {
            errors["reason"] = [$"The reason must be {Pages.Rounds.ReplaceModel.ReasonLength} characters or fewer."];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    private static string By(CurrentUser user) => string.IsNullOrWhiteSpace(user.Name) ? user.Email : user.Name;

    private static RoundItem Item(RoundSummary r) =>
        new(r.RoundId, r.CycleId, r.Kind, r.Status, r.StartedUtc, r.ClosedUtc, r.Cases, r.Tasks, r.TasksAssigned, r.TasksSubmitted, r.TasksUnassigned);

    private static ProblemHttpResult Refused(SampleListRefusedException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The sample cannot change", detail: e.Message);
}
