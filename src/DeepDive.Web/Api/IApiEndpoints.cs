namespace DeepDive.Web.Api;

/// <summary>
/// One area's JSON endpoints under <c>/api/v1</c> (tasks, cycles, rounds, ...). Every implementation in this assembly is
/// found and mapped at start, so an area adds its endpoints without touching the app's set-up. Each endpoint names
/// its policy (<see cref="Security.Policies"/>) and answers errors as problem details: 400 naming each field, 404 for
/// anything out of the caller's scope (throw <see cref="Security.NotFoundException"/>). An endpoint that reads its body
/// by hand declares it (<c>.Accepts&lt;T&gt;("application/json")</c>), so the OpenAPI document describes it and the tests
/// send it garbage. Changes come only with a personal access token, so no endpoint needs an anti-forgery token.
/// </summary>
public interface IApiEndpoints
{
    void Map(RouteGroupBuilder api);
}
