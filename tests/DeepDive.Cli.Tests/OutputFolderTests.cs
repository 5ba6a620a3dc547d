namespace DeepDive.Cli.Tests;

/// <summary>A command replaces only what it made: <c>demo</c> and <c>simulate</c> in a folder holding someone else's database and outbox.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Demo_in_a_folder_holding_a_database_and_an_outbox_it_did_not_make_refuses_and_changes_nothing()
    {
        var before = Production();

        var result = await cli.RunRawAsync(["demo", "--folder", ".", "--cases", "500"]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("deepdive.db").And.Contain("outbox/").And.Contain("--replace").And.Contain("Nothing was changed");
        Production().Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Simulate_in_a_folder_holding_a_database_and_an_outbox_it_did_not_make_refuses_and_changes_nothing()
    {
        var before = Production();

        var result = await cli.RunRawAsync(["simulate", "--folder", ".", "--from", "2027-01-01", "--to", "2027-01-31", "--cases", "100"]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("outbox/").And.Contain("--replace").And.Contain("Nothing was changed");
        Production().Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Simulate_with_replace_replaces_the_outbox_leaves_the_database_and_removes_its_scratch_folder()
    {
        var database = Production()["deepdive.db"];

        var result = await cli.RunRawAsync(["simulate", "--folder", ".", "--replace", "--from", "2027-01-01", "--to", "2027-02-28", "--cases", "200"],
            TimeSpan.FromMinutes(5));

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllBytes(cli.DatabaseFile).Should().Equal(database);
        File.Exists(Path.Combine(cli.Folder, "outbox", "reminder.eml")).Should().BeFalse("--replace confirmed replacing the outbox");
        Directory.GetFiles(Path.Combine(cli.Folder, "outbox"), "*.eml").Should().NotBeEmpty();
        File.Exists(Path.Combine(cli.Folder, "workload.png")).Should().BeTrue();
        Directory.GetDirectories(cli.Folder, ".deepdive-simulate-*").Should().BeEmpty("the scratch database goes when the preview ends");
        File.Exists(Path.Combine(cli.Folder, ".deepdive-simulate")).Should().BeFalse("a folder the command did not make never becomes its own");
    }

    [Fact]
    public async Task Demo_run_again_in_the_folder_it_made_replaces_its_own_database_and_outbox_without_asking()
    {
        var folder = Path.Combine(cli.Folder, "deepdive-demo");
        var first = await cli.RunRawAsync(["demo", "--folder", folder, "--cases", "500"], TimeSpan.FromMinutes(8));
        first.ExitCode.Should().Be(0, first.ToString());
        var mail = Directory.GetFiles(Path.Combine(folder, "outbox"), "*.eml").Length;

        var second = await cli.RunRawAsync(["demo", "--folder", folder, "--cases", "500"], TimeSpan.FromMinutes(8));

        second.ExitCode.Should().Be(0, second.ToString());
        second.StdOut.Should().Contain("The year in numbers");
        Directory.GetFiles(Path.Combine(folder, "outbox"), "*.eml").Should().HaveCount(mail, "the second run's outbox replaces the first's");
    }

    /// <summary>Puts a production database and outbox in the working folder (once) and returns each file's bytes by name.</summary>
    private Dictionary<string, byte[]> Production()
    {
        if (!File.Exists(cli.DatabaseFile))
        {
            File.WriteAllText(cli.DatabaseFile, "production database");
            File.WriteAllText(cli.DatabaseFile + "-wal", "production write-ahead log");
            Directory.CreateDirectory(Path.Combine(cli.Folder, "outbox"));
            File.WriteAllText(Path.Combine(cli.Folder, "outbox", "reminder.eml"), "Subject: a real reminder");
        }

        return Directory.GetFiles(cli.Folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(cli.Folder, f), File.ReadAllBytes);
    }
}
