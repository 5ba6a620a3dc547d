using System.Text.Json.Nodes;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Scheduling;
using DeepDive.Web.Pages.Cycles;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DeepDive.Web.Api.Cycles;

/// <summary>
/// The programme's cycles for programs: list, read (with the next rounds), add or replace from the cycle JSON (400
/// naming each problem by its JSON path), pause, resume, retire. Managers only; changes go through the engine's
/// <see cref="CycleLifecycle"/> as the command line's do, and are written to the access log.
/// </summary>
public sealed class CyclesApi : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        var cycles = api.MapGroup("/cycles").RequireAuthorization(Policies.Manage).WithTags("Cycles");
        cycles.MapGet("/", ListAsync).WithName("ListCycles").WithSummary("The partnership's cycles with their status and next round");
        cycles.MapGet("/{id}", GetAsync).WithName("GetCycle").WithSummary("A cycle: its definition, status, next ten rounds and history");
        cycles.MapPost("/", AddAsync).WithName("AddCycle").WithSummary("Adds a cycle from its JSON (the cycle file); 400 names each problem by its JSON path");
        cycles.MapPut("/{id}", EditAsync).WithName("EditCycle").WithSummary("Replaces a cycle's definition with its JSON; the id must be the cycle's");
        cycles.MapPost("/{id}/pause", PauseAsync).WithName("PauseCycle").WithSummary("Pauses a cycle: no rounds until it is resumed");
        cycles.MapPost("/{id}/resume", ResumeAsync).WithName("ResumeCycle").WithSummary("Resumes a paused cycle; firings missed while paused are skipped");
        cycles.MapPost("/{id}/retire", RetireAsync).WithName("RetireCycle").WithSummary("Retires a cycle for good; its rounds and history stay");
    }

    public sealed record CycleItem(string Id, string Name, string Theme, string Status, string Schedule, string Cron, string TimeZone, int SampleSize,
        DateTimeOffset? NextRound);

    public sealed record NextRound(DateTimeOffset OpensAt, DateTimeOffset? MovedFrom, string? Reason, string? Warning);

    public sealed record HistoryItem(DateTime AtUtc, string Action, string? Detail);

    public sealed record CycleView(string Id, string Name, string Status, DateTime? PausedUtc, DateTime? RetiredUtc, DateTime CreatedUtc, DateTime UpdatedUtc,
        JsonNode Definition, IReadOnlyList<NextRound> NextRounds, IReadOnlyList<HistoryItem> History);

    public sealed record StatusView(string Id, string Status, bool Changed, IReadOnlyList<DateTimeOffset>? Skipped = null, DateTimeOffset? NextRound = null);

    private static async Task<Ok<List<CycleItem>>> ListAsync(CurrentUser user, CycleStore store, CycleNext next, CancellationToken cancellationToken)
    {
        var items = new List<CycleItem>();
        foreach (var entry in await store.ListEntriesAsync(user.PartnershipId, cancellationToken))
        {
            var c = entry.Definition;
            var coming = entry.Status == CycleStatus.Active ? await next.ListAsync(user.PartnershipId, c.Id, null, 1, cancellationToken) : null;
            items.Add(new CycleItem(c.Id, c.Name, c.Theme, entry.Status, CycleText.Schedule(c.Schedule), c.Schedule.ToCron(), c.Schedule.TimeZone, c.SampleSize,
                coming?.Rounds.FirstOrDefault() is { } first ? Local(first.At, coming.Zone) : null));
        }

        return TypedResults.Ok(items);
    }

    private static async Task<Ok<CycleView>> GetAsync(string id, CurrentUser user, Scope scope, CycleStore store, CycleNext next, CancellationToken cancellationToken)
    {
        var entry = scope.Cycle(await store.GetEntryAsync(user.PartnershipId, id, cancellationToken));
        return TypedResults.Ok(await ViewAsync(entry, user, store, next, cancellationToken));
    }

    private static Task<Results<Created<CycleView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        HttpRequest request, CurrentUser user, CycleStore store, CycleNext next, AccessRecorder access, IServiceProvider services, CancellationToken cancellationToken) =>
        WithCycleAsync<Results<Created<CycleView>, ValidationProblem, ProblemHttpResult>>(request, services, p => p, p => p, async (lifecycle, cycle) =>
        {
            if (await store.GetEntryAsync(user.PartnershipId, cycle.Id, cancellationToken) is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The cycle already exists",
                    detail: $"There is already a cycle '{cycle.Id}'. Replace its definition with PUT {ApiEndpoints.Prefix}/cycles/{cycle.Id}.");
            }

            await lifecycle.AddOrUpdateAsync(user.PartnershipId, cycle, cancellationToken);
            await access.ChangedAsync("cycle", cycle.Id, "added through the API", cancellationToken);
            var entry = (await store.GetEntryAsync(user.PartnershipId, cycle.Id, cancellationToken))!;
            return TypedResults.Created($"{ApiEndpoints.Prefix}/cycles/{cycle.Id}", await ViewAsync(entry, user, store, next, cancellationToken));
        }, cancellationToken);

    private static async Task<Results<Ok<CycleView>, ValidationProblem, ProblemHttpResult>> EditAsync(
        string id, HttpRequest request, CurrentUser user, Scope scope, CycleStore store, CycleNext next, AccessRecorder access, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var entry = scope.Cycle(await store.GetEntryAsync(user.PartnershipId, id, cancellationToken));
        return await WithCycleAsync<Results<Ok<CycleView>, ValidationProblem, ProblemHttpResult>>(request, services, p => p, p => p, async (lifecycle, cycle) =>
        {
            if (cycle.Id != entry.Definition.Id)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["$.id"] = [$"the file is for cycle '{cycle.Id}', not '{entry.Definition.Id}': a cycle's id cannot change (retire it and add a new one)"],
                });
            }

            try
            {
                await lifecycle.EditAsync(user.PartnershipId, entry.Definition.Id, cycle, cancellationToken);
            }
            catch (CycleRefusedException e)
            {
                return Refused(e);
            }

            await access.ChangedAsync("cycle", cycle.Id, "edited through the API", cancellationToken);
            return TypedResults.Ok(await ViewAsync((await store.GetEntryAsync(user.PartnershipId, cycle.Id, cancellationToken))!, user, store, next, cancellationToken));
        }, cancellationToken);
    }

    private static Task<Results<Ok<StatusView>, ProblemHttpResult>> PauseAsync(
        string id, CurrentUser user, Scope scope, CycleStore store, AccessRecorder access, IServiceProvider services, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, scope, store, access, services, "paused", async (lifecycle, cycleId) =>
            new StatusView(cycleId, CycleStatus.Paused, await lifecycle.PauseAsync(user.PartnershipId, cycleId, cancellationToken)), cancellationToken);

    private static Task<Results<Ok<StatusView>, ProblemHttpResult>> ResumeAsync(
        string id, CurrentUser user, Scope scope, CycleStore store, AccessRecorder access, IServiceProvider services, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, scope, store, access, services, "resumed", async (lifecycle, cycleId) =>
        {
            var resumed = await lifecycle.ResumeAsync(user.PartnershipId, cycleId, cancellationToken);
            return new StatusView(cycleId, CycleStatus.Active, true, resumed.Skipped, resumed.Next);
        }, cancellationToken);

    private static Task<Results<Ok<StatusView>, ProblemHttpResult>> RetireAsync(
        string id, CurrentUser user, Scope scope, CycleStore store, AccessRecorder access, IServiceProvider services, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, scope, store, access, services, "retired", async (lifecycle, cycleId) =>
            new StatusView(cycleId, CycleStatus.Retired, await lifecycle.RetireAsync(user.PartnershipId, cycleId, cancellationToken)), cancellationToken);

    private static async Task<Results<Ok<StatusView>, ProblemHttpResult>> ChangeAsync(
        string id, CurrentUser user, Scope scope, CycleStore store, AccessRecorder access, IServiceProvider services, string what,
        Func<CycleLifecycle, string, Task<StatusView>> change, CancellationToken cancellationToken)
    {
        var entry = scope.Cycle(await store.GetEntryAsync(user.PartnershipId, id, cancellationToken));
        if (services.GetService<CycleLifecycle>() is not { } lifecycle)
        {
            return EngineMissing();
        }

        StatusView result;
        try
        {
            result = await change(lifecycle, entry.Definition.Id);
        }
        catch (CycleRefusedException e)
        {
            return Refused(e);
        }

        await access.ChangedAsync("cycle", entry.Definition.Id, $"{what} through the API", cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>
    /// Goes on with the engine's lifecycle service and the cycle JSON of the request body; without the engine here, a 503;
    /// for JSON with problems, a 400 naming each by its JSON path.
    /// </summary>
    private static async Task<TResult> WithCycleAsync<TResult>(HttpRequest request, IServiceProvider services, Func<ValidationProblem, TResult> invalid,
        Func<ProblemHttpResult, TResult> missing, Func<CycleLifecycle, CycleDefinition, Task<TResult>> then, CancellationToken cancellationToken)
    {
        if (services.GetService<CycleLifecycle>() is not { } lifecycle)
        {
            return missing(EngineMissing());
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        CycleDefinition cycle;
        try
        {
            cycle = CycleFile.Parse(text, "the request body");
        }
        catch (CycleFileException e)
        {
            return invalid(TypedResults.ValidationProblem(
                e.Errors.GroupBy(x => x.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Reason).ToArray(), StringComparer.Ordinal),
                title: "The cycle has problems", detail: "Each problem is listed under the JSON path of the value it is about."));
        }

        return await then(lifecycle, cycle);
    }

    private static async Task<CycleView> ViewAsync(CycleEntry entry, CurrentUser user, CycleStore store, CycleNext next, CancellationToken cancellationToken)
    {
        var c = entry.Definition;
        var coming = entry.Status == CycleStatus.Retired ? null : await next.ListAsync(user.PartnershipId, c.Id, null, DetailsModel.Coming, cancellationToken);
        var rounds = coming is null
            ? []
            : coming.Rounds.Select(r => new NextRound(Local(r.At, coming.Zone), r.WasMoved ? Local(r.Original, coming.Zone) : null, r.Reason, coming.BankHolidayWarning(r))).ToList();
        var history = (await store.HistoryAsync(user.PartnershipId, c.Id, cancellationToken)).Select(e => new HistoryItem(e.AtUtc, e.Action, e.Detail)).ToList();
        return new CycleView(c.Id, c.Name, entry.Status, entry.PausedUtc, entry.RetiredUtc, entry.CreatedUtc, entry.UpdatedUtc,
            JsonNode.Parse(CycleFile.Serialize(c))!, rounds, history);
    }

    private static DateTimeOffset Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone);

    private static ProblemHttpResult EngineMissing() => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The engine does not run here", detail: Pages.Cycles.EngineMissing.Message + ".");

    private static ProblemHttpResult Refused(CycleRefusedException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Refused", detail: e.Message);
}
