namespace DeepDive.Web.Tests.Security.Matrix;

/// <summary>
/// One area's rows of the authorisation matrix (<see cref="AuthorisationMatrixTests"/>): for each of the area's routes
/// (a page handler or an API endpoint, as the app's own endpoint list names it), what each kind of user gets.
///
/// How to add an area's rows, when you add its pages or API routes:
/// <list type="number">
/// <item>Add a class in <c>Security/Rows/</c> named for the area (<c>TasksRows</c>, <c>CyclesRows</c>, ...) that
/// implements this interface. It is found by reflection; nothing else to register. Keep every row of the area in it,
/// and no other area's.</item>
/// <item>Write one <see cref="RouteRow"/> per route and method, keyed as the test names it in its failure message:
/// <c>RouteRow.Get("/tasks/{taskId}")</c>, <c>RouteRow.Post("/tasks/{taskId}", handler: "submit")</c> for a named
/// page handler (<c>OnPostSubmitAsync</c>), <c>RouteRow.Post("/api/v1/tasks/{taskId}/submission")</c>.</item>
/// <item>Give it one or more cases: the URL to request (built from <see cref="MatrixData"/>: the task assigned to
/// <see cref="Who.Auditor"/>, one assigned to another auditor, the school's own and another school, ...) and an
/// <see cref="Expect"/>: who is allowed, who is forbidden (403, or the "You cannot see this page" page), who gets 404
/// (an object out of their scope: another partnership's, another school's, a task not assigned to them), who is
/// asked to sign in (anonymous: the sign-in page, or 401 from the API). A route without parameters needs no case:
/// <c>.Expect(...)</c> requests the route itself.</item>
/// <item>For a POST, give the form fields (pages; the anti-forgery token is added) or the JSON body (API) that gets
/// past validation where that matters; "allowed" only means the request reached the page or endpoint (a page shown
/// again with its errors, an API 400, 409 or 422 all count). Use fields that change nothing worth keeping: the test
/// shares one copy of the demo partnership for all rows.</item>
/// </list>
/// An API row is tried with each user's token, and again from their browser session, which must get the same for a
/// GET and 401 for anything else (a session may only read the API); the row states the token's outcomes.
/// The test fails for a route of the app with no row, a row for a route the app does not have, and every cell that
/// differs from its expectation, listing them all.
/// </summary>
public interface IRouteRows
{
    IEnumerable<RouteRow> Rows(MatrixData data);
}
