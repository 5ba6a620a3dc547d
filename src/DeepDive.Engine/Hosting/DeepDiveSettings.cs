using DeepDive.Engine.Notifications;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using Microsoft.Extensions.Configuration;

namespace DeepDive.Engine.Hosting;

/// <summary>
/// Everything a host reads from its configuration, read and checked once at start. The keys, as in
/// <c>appsettings.json</c> (environment variables use <c>__</c> for <c>:</c>, e.g. <c>DeepDive__Engine__Clustered</c>):
/// <list type="bullet">
/// <item><c>ConnectionStrings:DeepDive</c>: a SQLite file path or a PostgreSQL / SQL Server connection string (<c>DEEPDIVE_DB</c>; default <c>deepdive.db</c>).</item>
/// <item><c>DeepDive:Engine</c>: <see cref="RuntimeOptions"/> (PollInterval, IdleTime, SchedulerIdleWait, Clustered, InstanceName, FiringRetry).</item>
/// <item><c>DeepDive:Notifications</c>: <see cref="NotificationSettings"/> (FromAddress, FromName, BusinessTeamAddress, Folder, SiteAddress, Smtp).</item>
/// </list>
/// </summary>
public sealed record DeepDiveSettings(string Connection, RuntimeOptions Engine)
{
    public const string ConnectionKey = "ConnectionStrings:DeepDive";
    public const string EngineSection = "DeepDive:Engine";
    public const string NotificationsSection = "DeepDive:Notifications";
    public const string DefaultConnection = "deepdive.db";

    /// <summary>Reads and checks the settings; every problem found is listed in one <see cref="SettingsException"/>.</summary>
    public static DeepDiveSettings Read(IConfiguration configuration)
    {
        var problems = new List<SettingsProblem>();
        var connection = configuration[ConnectionKey] is { Length: > 0 } configured ? configured : DefaultConnection;
        Database? database = null;
        try
        {
            database = Database.Open(connection);
        }
        catch (ArgumentException e)
        {
            problems.Add(new(ConnectionKey, e.Message));
        }

        if (configuration.GetSection("Notifications").Exists())
        {
            problems.Add(new("Notifications", $"this section is now {NotificationsSection}: move it there (environment variables: DeepDive__Notifications__...)."));
        }

        var engine = SectionBinder.Bind(configuration.GetSection(EngineSection), new RuntimeOptions(), problems);
        var notifications = SectionBinder.Bind(configuration.GetSection(NotificationsSection), new NotificationSettings(), problems);
        engine = engine with { Notifications = notifications };
        problems.AddRange(RuntimeOptionsRules.Check(engine));
        if (engine.Clustered && database is { Dialect.SupportsSeveralNodes: false })
        {
            problems.Add(new($"{EngineSection}:Clustered", "SQLite runs as a single node: several processes cannot share it. Use PostgreSQL or SQL Server to run clustered."));
        }
        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }

        return new DeepDiveSettings(connection, engine);
    }
}
