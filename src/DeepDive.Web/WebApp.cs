using DeepDive.Engine.Hosting;
using DeepDive.Web.Api;
using DeepDive.Web.Health;
using DeepDive.Web.Security;
using Microsoft.Extensions.FileProviders;

namespace DeepDive.Web;

/// <summary>
/// The web app: server-rendered pages for people and a JSON API for programs, on the same composition root as the
/// command line (<see cref="DeepDiveServices"/>), with or without the engine in the process.
/// </summary>
public static class WebApp
{
    public static WebApplication Build(WebAppOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
        });
        builder.Configuration.AddDeepDiveEnvironment();
        builder.Configuration.AddInMemoryCollection(options.Settings);
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        Engine.Runtime.EngineLogging.Configure(builder.Logging, toStandardError: true, builder.Configuration);

        if (options.RunEngine)
        {
            builder.Services.AddDeepDiveEngine(builder.Configuration);
        }
        else
        {
            builder.Services.AddDeepDiveStores(builder.Configuration);
            builder.Services.AddHostedService<Hosting.SchemaUpgrade>();
        }

        AddWeb(builder.Services);
        options.Configure?.Invoke(builder);

        var app = builder.Build();
        UseWeb(app);
        return app;
    }

    private static void AddWeb(IServiceCollection services)
    {
        services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/"))
            .AddMvcOptions(o =>
            {
                o.Filters.Add<NotFoundFilter>();
                // Pages write their own messages, in GOV.UK words, against each field.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "deepdive-antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddDeepDiveAuthentication();
        services.AddAuthorization(Policies.Add);
        services.AddHttpContextAccessor();
        services.AddScoped(sp => CurrentUser.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext!.User)
            ?? throw new InvalidOperationException("A page that needs the current user was reached without signing in."));
        services.AddScoped<Scope>();
        services.AddScoped<AccessRecorder>();
        services.AddScoped<Pages.Tasks.TaskDesk>();
        services.AddScoped<Pages.Actions.ActionDesk>();
        services.AddProblemDetails();
        services.AddApiProblems();
        services.AddApiReference();
    }

    private static void UseWeb(WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/not-found", "?code={0}");
        app.UseApiProblems();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(app.Environment.WebRootPath),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealth();
        app.MapApi();
        app.MapApiReference();
        app.MapRazorPages();
    }
}
