using DeepDive.Web.Tests.Security.Matrix;
using static DeepDive.Web.Tests.Security.Matrix.Who;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>The dashboard: counts only, so managers, moderators and viewers (another partnership's manager sees their own).</summary>
public sealed class DashboardRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/dashboard").Expect(Expect.Only(Manager, Moderator, Viewer, OtherPartnershipManager)),
    ];
}

/// <summary>
/// Cycles, pages and API: managers only, each partnership its own (another partnership's cycle is not found). Pages are
/// read on one of the demo's cycles; every change is posted to the matrix's own retired cycle with an empty form, so it
/// is refused. The matrix's app runs without the engine (as <c>deepdive serve --no-engine</c> beside an engine node):
/// the pages say so against the form, and an API change that reaches its endpoint answers 503, changing nothing.
/// </summary>
public sealed class CycleRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/cycles").Expect(Managers()),
        RouteRow.Get("/cycles/add").Expect(Managers()),
        // An empty form: the page again with its problems; adding or removing a rule only redraws the form.
        RouteRow.Post("/cycles/add").Expect(Managers()),
        RouteRow.Post("/cycles/add", handler: "AddRule").Expect(Managers()),
        RouteRow.Post("/cycles/add", handler: "RemoveRule").Expect(Managers()),
        RouteRow.Get("/cycles/add/file").Expect(Managers()),
        // No file: the page again with "Select a cycle file".
        RouteRow.Post("/cycles/add/file").Expect(Managers()),

        RouteRow.Get("/cycles/{id}")
            .Case("a cycle of the partnership", d => $"/cycles/{d.CycleId}", Own())
            .Case("a cycle there is not", _ => "/cycles/no-such-cycle", Managers().Except(Outcome.NotFound, Manager, OtherPartnershipManager)),
        Retired(RouteRow.Post("/cycles/{id}", handler: "Pause"), ""),
        Retired(RouteRow.Post("/cycles/{id}", handler: "Resume"), ""),
        Demo(RouteRow.Get("/cycles/{id}/edit"), "/edit"),
        Retired(RouteRow.Post("/cycles/{id}/edit"), "/edit"),
        Retired(RouteRow.Post("/cycles/{id}/edit", handler: "AddRule"), "/edit"),
        Retired(RouteRow.Post("/cycles/{id}/edit", handler: "RemoveRule"), "/edit"),
        Demo(RouteRow.Get("/cycles/{id}/edit/file"), "/edit/file"),
        Retired(RouteRow.Post("/cycles/{id}/edit/file"), "/edit/file"),
        Demo(RouteRow.Get("/cycles/{id}/file"), "/file"),
        Demo(RouteRow.Get("/cycles/{id}/rapid"), "/rapid"),
        Retired(RouteRow.Post("/cycles/{id}/rapid"), "/rapid"),
        Demo(RouteRow.Get("/cycles/{id}/retire"), "/retire"),
        Retired(RouteRow.Post("/cycles/{id}/retire"), "/retire"),

        RouteRow.Get("/api/v1/cycles/").Expect(Managers()),
        Demo(RouteRow.Get("/api/v1/cycles/{id}"), "", api: true),
        // Not valid cycle JSON; without the engine the endpoint answers 503 before reading it.
        RouteRow.Post("/api/v1/cycles/").Expect(Managers().Except(Outcome.Shows(503), Manager, OtherPartnershipManager)),
        RetiredApi(RouteRow.Put("/api/v1/cycles/{id}"), ""),
        RetiredApi(RouteRow.Post("/api/v1/cycles/{id}/pause"), "/pause"),
        RetiredApi(RouteRow.Post("/api/v1/cycles/{id}/resume"), "/resume"),
        RetiredApi(RouteRow.Post("/api/v1/cycles/{id}/retire"), "/retire"),
    ];

    private static Expect Managers() => Expect.Only(Manager, OtherPartnershipManager);

    private static Expect Own() => Managers().Except(Outcome.NotFound, OtherPartnershipManager);

    private static RouteRow Demo(RouteRow row, string then, bool api = false) =>
        row.Case("a cycle of the partnership", d => $"{(api ? "/api/v1" : "")}/cycles/{d.CycleId}{then}", Own());

    private static RouteRow Retired(RouteRow row, string then) =>
        row.Case("the matrix's retired cycle", d => $"/cycles/{d.Programme.MatrixCycleId}{then}", Own());

    private static RouteRow RetiredApi(RouteRow row, string then) =>
        row.Case("the matrix's retired cycle", d => $"/api/v1/cycles/{d.Programme.MatrixCycleId}{then}", Own().Except(Outcome.Shows(503), Manager));
}

/// <summary>
/// Rounds, pages and API: read by managers and moderators; a draw's review (replace, add, lock) by managers only;
/// another partnership's round is not found. The review's forms are posted empty to the matrix's round awaiting review
/// (the page again with its problems; an API 400), and locking is tried on a round already locked (back to its review
/// page; an API 409), so no sample changes.
/// </summary>
public sealed class RoundRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/rounds").Expect(Staff()),
        Read(RouteRow.Get("/rounds/{id}"), "")
            .Case("a round there is not", _ => "/rounds/R-none", Staff().Except(Outcome.NotFound, Manager, Moderator, OtherPartnershipManager)),
        Read(RouteRow.Get("/rounds/{id}/sample.csv"), "/sample.csv"),
        RouteRow.Get("/rounds/{id}/review")
            .Case("a draw awaiting review", d => $"/rounds/{d.Programme.ReviewRoundId}/review", Reviewers())
            .Case("a locked sample", d => $"/rounds/{d.Programme.LockedRoundId}/review", Reviewers()),
        InReview(RouteRow.Get("/rounds/{id}/review/add"), "/review/add"),
        InReview(RouteRow.Post("/rounds/{id}/review/add"), "/review/add"),
        InReview(RouteRow.Get("/rounds/{id}/review/lock"), "/review/lock"),
        RouteRow.Post("/rounds/{id}/review/lock").Case("a locked sample", d => $"/rounds/{d.Programme.LockedRoundId}/review/lock", Reviewers()),
        RouteRow.Get("/rounds/{id}/review/replace")
            .Case("a case of the sample", d => $"/rounds/{d.Programme.ReviewRoundId}/review/replace?case={d.Programme.ReviewCaseRef}", Reviewers())
            .Case("a case not in the sample", d => $"/rounds/{d.Programme.ReviewRoundId}/review/replace?case=no-such-case",
                Reviewers().Except(Outcome.NotFound, Manager)),
        RouteRow.Post("/rounds/{id}/review/replace")
            .Case("a case of the sample", d => $"/rounds/{d.Programme.ReviewRoundId}/review/replace?case={d.Programme.ReviewCaseRef}", Reviewers()),

        RouteRow.Get("/api/v1/rounds/").Expect(Staff()),
        Read(RouteRow.Get("/api/v1/rounds/{id}"), "", api: true),
        Read(RouteRow.Get("/api/v1/rounds/{id}/sample"), "/sample", api: true),
        // No case and no reason: 400 naming both, after the checks of who may change the sample.
        InReview(RouteRow.Post("/api/v1/rounds/{id}/sample/add"), "/sample/add", api: true),
        InReview(RouteRow.Post("/api/v1/rounds/{id}/sample/replace"), "/sample/replace", api: true),
        RouteRow.Post("/api/v1/rounds/{id}/sample/lock").Case("a locked sample", d => $"/api/v1/rounds/{d.Programme.LockedRoundId}/sample/lock", Reviewers()),
    ];

    private static Expect Staff() => Expect.Only(Manager, Moderator, OtherPartnershipManager);

    private static Expect Reviewers() => Expect.Only(Manager, OtherPartnershipManager).Except(Outcome.NotFound, OtherPartnershipManager);

    private static string Prefix(bool api) => api ? "/api/v1/rounds/" : "/rounds/";

    private static RouteRow Read(RouteRow row, string then, bool api = false) => row
        .Case("a locked sample", d => $"{Prefix(api)}{d.Programme.LockedRoundId}{then}", Staff().Except(Outcome.NotFound, OtherPartnershipManager))
        .Case("a draw awaiting review", d => $"{Prefix(api)}{d.Programme.ReviewRoundId}{then}", Staff().Except(Outcome.NotFound, OtherPartnershipManager));

    private static RouteRow InReview(RouteRow row, string then, bool api = false) =>
        row.Case("a draw awaiting review", d => $"{Prefix(api)}{d.Programme.ReviewRoundId}{then}", Reviewers());
}
