using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace DeepDive.Web.Api;

/// <summary>
/// Every error under <c>/api</c> is RFC 9457 problem details, never a page, a redirect or a stack trace: a request the
/// API cannot read is 400 naming the field (malformed JSON, a value of the wrong type, a missing or unreadable
/// parameter); a bare error status from anywhere (401 and 403 from sign-in, 404, 405 from routing, an endpoint's empty
/// 409) gets its problem body; an unexpected exception is logged and answered 500 with the time to quote.
/// </summary>
public static partial class ApiProblems
{
    public const string Root = "/api";

    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Root), api => api.Use(HandleAsync));

    /// <summary>Minimal APIs throw on a request they cannot bind, so the field can be named here (their default is a bare 400).</summary>
    public static IServiceCollection AddApiProblems(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

    private static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await BadRequestAsync(context, e);
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems))
                .LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            var clock = context.RequestServices.GetRequiredService<TimeProvider>();
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "There is a problem with the service",
                $"Try again later. If it keeps happening, tell your partnership's audit manager the time it happened: {clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC.");
            return;
        }

        var response = context.Response;
        if (!response.HasStarted && response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            var (title, detail) = Describe(context);
            await WriteAsync(context, response.StatusCode, title, detail);
        }
    }

    private static (string Title, string? Detail) Describe(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status400BadRequest => ("The request is not valid", null),
        StatusCodes.Status401Unauthorized => ("Sign-in required",
            "Send a personal access token as 'Authorization: Bearer ddt_...' (made by 'deepdive user token'). A token stops working when it is revoked or its account is disabled. "
            + "A signed-in browser session may read (GET) but not change anything through the API."),
        StatusCodes.Status403Forbidden => ("Forbidden", "Your account's role does not give access to this."),
        StatusCodes.Status404NotFound => ("Not found", "There is nothing at this address that you can see."),
        StatusCodes.Status405MethodNotAllowed => ("Method not allowed",
            $"This address does not take {context.Request.Method}; it takes {context.Response.Headers.Allow}."),
        StatusCodes.Status409Conflict => ("Conflict", "The request conflicts with the current state of what it changes."),
        StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "Send the body as JSON, with 'Content-Type: application/json'."),
        _ => ("The request failed", null),
    };

    private static Task WriteAsync(HttpContext context, int status, string title, string? detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);

    private static Task BadRequestAsync(HttpContext context, BadHttpRequestException e)
    {
        if (e.StatusCode != StatusCodes.Status400BadRequest)
        {
            context.Response.StatusCode = e.StatusCode;
            var (title, detail) = Describe(context);
            return WriteAsync(context, e.StatusCode, title, detail);
        }

        return TypedResults.ValidationProblem(ErrorsOf(e), title: "The request is not valid").ExecuteAsync(context);
    }

    /// <summary>The field a request could not be read for, named as the caller sent it, with what to fix.</summary>
    internal static Dictionary<string, string[]> ErrorsOf(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException json)
        {
            // A syntax error carries the reader's own exception; a value of the wrong type does not.
            if (json.InnerException is JsonException || json.Path is null or "$")
            {
                return new() { ["body"] = [$"The body is not valid JSON (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1})"] };
            }

            return new() { [json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path] = ["The value is not of the right type for this field"] };
        }

        // "Implicit body inferred for parameter ... but no body was provided", "Required parameter ... was not provided from body".
        if (e.Message.Contains("no body was provided", StringComparison.Ordinal) || e.Message.EndsWith("from body.", StringComparison.Ordinal))
        {
            return new() { ["body"] = ["Send a JSON body"] };
        }

        if (Parameter().Match(e.Message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            return new() { [name] = [e.Message.StartsWith("Required", StringComparison.Ordinal) ? $"Enter {name}" : $"The value of {name} is not valid"] };
        }

        return new() { ["request"] = ["The request could not be read"] };
    }

    // Minimal APIs' messages name the parameter as "Type name": 'Failed to bind parameter "int page" from "x".',
    // 'Required parameter "string q" was not provided from query string.'
    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[^\" ]+)\"")]
    private static partial Regex Parameter();
}
