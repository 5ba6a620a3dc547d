using DeepDive.Engine.Hosting;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using Microsoft.Extensions.Configuration;

namespace DeepDive.Engine.Tests.Hosting;

public sealed class DeepDiveSettingsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("deepdive-settings-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Nothing_configured_gives_the_embedded_database_and_the_engine_defaults()
    {
        var settings = DeepDiveSettings.Read(Config());

        settings.Connection.Should().Be("deepdive.db");
        settings.Engine.Should().BeEquivalentTo(new RuntimeOptions());
    }

    [Fact]
    public void Appsettings_then_the_environment_then_the_flags_each_win_over_the_one_before()
    {
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """
            {
              "ConnectionStrings": { "DeepDive": "from-file.db" },
              "DeepDive": {
                "Engine": { "PollInterval": "00:00:03", "InstanceName": "from-file", "FiringRetry": { "Retries": 2 } },
                "Notifications": { "Folder": "mail-from-file", "Smtp": { "Host": "smtp.example.org", "Port": 25 } }
              }
            }
            """);

        var fromFile = DeepDiveSettings.Read(DeepDiveConfiguration.Build(folder: folder));
        fromFile.Connection.Should().Be("from-file.db");
        fromFile.Engine.PollInterval.Should().Be(TimeSpan.FromSeconds(3));
        fromFile.Engine.InstanceName.Should().Be("from-file");
        fromFile.Engine.FiringRetry.Retries.Should().Be(2);
        fromFile.Engine.FiringRetry.FirstDelay.Should().Be(new RuntimeOptions().FiringRetry.FirstDelay, "a value not set keeps its default");
        fromFile.Engine.Notifications.Folder.Should().Be("mail-from-file");
        fromFile.Engine.Notifications.Smtp!.Host.Should().Be("smtp.example.org");
        fromFile.Engine.Notifications.Smtp.Port.Should().Be(25);
        fromFile.Engine.Notifications.Smtp.Security.Should().Be("auto");

        var environment = new Dictionary<string, string> { ["DEEPDIVE_DB"] = "from-environment.db", ["DEEPDIVE_SMTP_PORT"] = "587" };
        var withEnvironment = new ConfigurationBuilder().SetBasePath(folder).AddJsonFile("appsettings.json")
            .AddInMemoryCollection([new("DeepDive:Engine:InstanceName", "from-environment")]) // as DeepDive__Engine__InstanceName would
            .AddDeepDiveEnvironment(name => environment.GetValueOrDefault(name))
            .Build();
        var read = DeepDiveSettings.Read(withEnvironment);
        read.Connection.Should().Be("from-environment.db");
        read.Engine.InstanceName.Should().Be("from-environment");
        read.Engine.Notifications.Smtp!.Port.Should().Be(587);

        var withFlags = DeepDiveSettings.Read(DeepDiveConfiguration.Build(new Dictionary<string, string?> { [DeepDiveSettings.ConnectionKey] = "from-flag.db" }, folder));
        withFlags.Connection.Should().Be("from-flag.db");
    }

    [Fact]
    public void Double_underscore_environment_variables_reach_the_engine_settings()
    {
        const string name = "DeepDive__Engine__SchedulerIdleWait";
        Environment.SetEnvironmentVariable(name, "00:00:07");
        try
        {
            DeepDiveSettings.Read(DeepDiveConfiguration.Build(folder: folder)).Engine.SchedulerIdleWait.Should().Be(TimeSpan.FromSeconds(7));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Every_setting_that_cannot_be_used_is_named_with_its_key_and_reason_at_once()
    {
        var act = () => DeepDiveSettings.Read(Config(
            ("DeepDive:Engine:PollInterval", "2 seconds"),
            ("DeepDive:Engine:PolInterval", "00:00:01"),
            ("DeepDive:Engine:IdleTime", "00:05:00"),
            ("DeepDive:Engine:FiringRetry:Retries", "many"),
            ("DeepDive:Notifications:BusinessTeamAddress", "the business team"),
            ("DeepDive:Notifications:Smtp:Port", "70000"),
            ("DeepDive:Notifications:Smtp:Security", "tls")));

        var problems = act.Should().Throw<SettingsException>().Which.Problems;
        problems.Should().BeEquivalentTo(new[]
        {
            new SettingsProblem("DeepDive:Engine:PollInterval", "'2 seconds' is not a duration; write hours:minutes:seconds, e.g. 00:00:02 for two seconds."),
            new SettingsProblem("DeepDive:Engine:PolInterval", "is not a setting; the settings here are PollInterval, IdleTime, SchedulerIdleWait, Clustered, InstanceName, FiringRetry, LogToStandardError, Notifications."),
            new SettingsProblem("DeepDive:Engine:IdleTime", "must be between 1 millisecond and 1 minute (is 00:05:00)."),
            new SettingsProblem("DeepDive:Engine:FiringRetry:Retries", "'many' is not a whole number."),
            new SettingsProblem("DeepDive:Notifications:BusinessTeamAddress", "'the business team' is not an email address."),
            new SettingsProblem("DeepDive:Notifications:Smtp:Host", "is required when the Smtp section is given."),
            new SettingsProblem("DeepDive:Notifications:Smtp:Port", "70000 is not a port number (1-65535)."),
            new SettingsProblem("DeepDive:Notifications:Smtp:Security", "'tls' is not one of auto, starttls, ssl, none."),
        });
    }

    [Fact]
    public void A_connection_string_that_cannot_be_read_is_named_by_its_key()
    {
        var act = () => DeepDiveSettings.Read(Config((DeepDiveSettings.ConnectionKey, "Host=;=;")));

        act.Should().Throw<SettingsException>().Which.Problems.Should().ContainSingle(p => p.Key == "ConnectionStrings:DeepDive");
    }

    [Fact]
    public void Clustered_on_sqlite_is_refused_through_the_configuration_and_the_objects_alike()
    {
        var fromConfiguration = () => DeepDiveSettings.Read(Config(("DeepDive:Engine:Clustered", "true")));
        fromConfiguration.Should().Throw<SettingsException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Be(new SettingsProblem("DeepDive:Engine:Clustered",
                "SQLite runs as a single node: several processes cannot share it. Use PostgreSQL or SQL Server to run clustered."));

        var fromObjects = () => new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddDeepDiveEngine(Database.Open("/tmp/deepdive-tests/never-created.db"), TimeProvider.System, new RuntimeOptions { Clustered = true });
        fromObjects.Should().Throw<InvalidOperationException>().WithMessage("SQLite runs as a single node*Use PostgreSQL or SQL Server*");
    }
}
