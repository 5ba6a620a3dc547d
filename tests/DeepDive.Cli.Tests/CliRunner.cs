using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace DeepDive.Cli.Tests;

/// <summary>What one run of the CLI printed and returned.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public string Output => StdOut + StdErr;

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}

/// <summary>
/// Runs the built deepdive CLI as a child process (<c>dotnet deepdive.dll ...</c>) in its own temporary folder
/// with its own SQLite file, with plain, wide console output.
/// </summary>
public sealed class CliRunner : IDisposable
{
    private static readonly string Cli = typeof(Commands.InitCommand).Assembly.Location;

    /// <param name="databaseFile">The SQLite file, relative to the runner's folder.</param>
    public CliRunner(string databaseFile = "deepdive.db")
    {
        Folder = Directory.CreateTempSubdirectory("deepdive-cli-").FullName;
        DatabaseFile = Path.Combine(Folder, databaseFile);
    }

    public string Folder { get; }

    public string DatabaseFile { get; }

    /// <summary>The repository's examples folder, found by walking up from the test assembly to the solution.</summary>
    public static string Examples { get; } = FindExamples();

    public static string Example(params string[] parts) => Path.Combine([Examples, .. parts]);

    /// <summary>Runs a command against this runner's database (<c>--db</c> is appended).</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunRawAsync([.. args, "--db", DatabaseFile]);

    /// <summary>Runs a command exactly as given; <paramref name="environment"/> overrides variables such as COLUMNS.</summary>
    public async Task<CliResult> RunRawAsync(string[] args, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(args, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"deepdive {string.Join(' ', args)} did not finish in time.\n{await stdout}\n{await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a command that runs until it is stopped (such as <c>serve</c>), reading its output as it comes.</summary>
    public CliProcess Start(string[] args, IReadOnlyDictionary<string, string>? environment = null) => new(StartInfo(args, environment));

    private ProcessStartInfo StartInfo(string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("DEEPDIVE_DB");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Writes a file into this runner's folder and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<string?[]> Rows(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindExamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DeepDive.sln")))
            {
                return Path.Combine(dir.FullName, "examples");
            }
        }

        throw new DirectoryNotFoundException("Could not find the repository root (DeepDive.sln) above " + AppContext.BaseDirectory);
    }
}
