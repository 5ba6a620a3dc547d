using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace DeepDive.Web.Api;

/// <summary>
/// The API's description, made from the endpoints themselves: the OpenAPI document at <c>/openapi/v1.json</c> (the
/// <c>/api/v1</c> routes, the bearer scheme, the problem responses) and a reference page at <c>/api/reference</c>
/// (Scalar, its script served from the package, no fonts or calls elsewhere). Both are public: they hold no data, only
/// what the API accepts, and a developer needs them before holding a token.
/// </summary>
public static class ApiReference
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/api/reference";
    public const string BearerScheme = "bearer";

    /// <summary>The per-request nonce of the reference page's own scripts, which the Content-Security-Policy names.</summary>
    public const string NonceItem = "deepdive:csp-nonce";

    public static IServiceCollection AddApiReference(this IServiceCollection services) => services.AddOpenApi(DocumentName, o =>
    {
        o.ShouldInclude = description => description.RelativePath?.StartsWith(ApiEndpoints.Prefix[1..], StringComparison.Ordinal) == true;
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "DeepDive API",
                Version = DocumentName,
                Description = "The audit programme's JSON API. Send a personal access token (made by `deepdive user token <email>`) as "
                    + "`Authorization: Bearer ddt_...`: it acts as its user, with the same role and scope. A signed-in browser session may "
                    + "read (GET) but not change anything. Errors are problem details (RFC 9457); an object outside your scope is 404.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "ddt_ personal access token",
                Description = "A personal access token made by `deepdive user token <email>`.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            return Task.CompletedTask;
        });
    });

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(PagePath, (options, context) =>
        {
            options.WithTitle("DeepDive API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument(DocumentName)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .AddPreferredSecuritySchemes([BearerScheme]);
            options.Nonce = context.Items[NonceItem] as string;
        }).AllowAnonymous();
        return app;
    }
}
