namespace DeepDive.Cli.Tests;

/// <summary>Settings reach every command from appsettings.json, the environment and the flags; a bad one is named with its key.</summary>
public sealed class SettingsCommandTests
{
    [Fact]
    public async Task The_database_comes_from_appsettings_then_DEEPDIVE_DB_then_the_db_flag()
    {
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(Path.Combine(cli.Folder, "appsettings.json"), """{ "ConnectionStrings": { "DeepDive": "from-appsettings.db" } }""");

        (await cli.RunRawAsync(["init"])).ExitCode.Should().Be(0);
        File.Exists(Path.Combine(cli.Folder, "from-appsettings.db")).Should().BeTrue();

        var environment = new Dictionary<string, string> { ["DEEPDIVE_DB"] = Path.Combine(cli.Folder, "from-environment.db") };
        (await cli.RunRawAsync(["init"], environment: environment)).ExitCode.Should().Be(0);
        File.Exists(Path.Combine(cli.Folder, "from-environment.db")).Should().BeTrue();

        (await cli.RunRawAsync(["init", "--db", "from-flag.db"], environment: environment)).ExitCode.Should().Be(0);
        File.Exists(Path.Combine(cli.Folder, "from-flag.db")).Should().BeTrue();
    }

    [Fact]
    public async Task A_setting_that_cannot_be_used_stops_the_command_naming_its_key_and_why()
    {
        using var cli = new CliRunner();
        await File.WriteAllTextAsync(Path.Combine(cli.Folder, "appsettings.json"), """{ "DeepDive": { "Notifications": { "Smtp": { "Host": "mail.example.org", "Port": 0 } } } }""");

        var result = await cli.RunRawAsync(["round", "list"], environment: new Dictionary<string, string> { ["DeepDive__Engine__PollInterval"] = "soon" });

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("DeepDive:Engine:PollInterval: 'soon' is not a duration")
            .And.Contain("DeepDive:Notifications:Smtp:Port: 0 is not a port number")
            .And.NotContain("   at ", "a manager reads the message, not a stack trace");
        File.Exists(cli.DatabaseFile).Should().BeFalse("nothing runs with settings that cannot be used");
    }
}
