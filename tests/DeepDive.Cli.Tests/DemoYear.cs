namespace DeepDive.Cli.Tests;

/// <summary>One <c>deepdive demo</c> run on a small register, at an 80-column terminal, shared by the tests that read its output and its database.</summary>
public sealed class DemoYear : IAsyncLifetime, IDisposable
{
    public const string Collection = "demo year";

    public CliRunner Cli { get; } = new(Path.Combine("demo", "deepdive.db"));

    public string Folder => Path.GetDirectoryName(Cli.DatabaseFile)!;

    public string DatabaseFile => Cli.DatabaseFile;

    public CliResult Result { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync() =>
        Result = await Cli.RunRawAsync(["demo", "--folder", Folder, "--cases", "1500"], TimeSpan.FromMinutes(8),
            new Dictionary<string, string> { ["COLUMNS"] = "80" });

    /// <summary>Runs a command against the demo's database and partnership.</summary>
    public Task<CliResult> RunAsync(params string[] args) => Cli.RunAsync([.. args, "--partnership", "demo"]);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Cli.Dispose();
}

[CollectionDefinition(DemoYear.Collection)]
public sealed class DemoYearCollection : ICollectionFixture<DemoYear>;
