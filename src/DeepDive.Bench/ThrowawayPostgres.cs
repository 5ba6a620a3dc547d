using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DeepDive.Bench;

/// <summary>
/// A throwaway PostgreSQL 15 server, for a benchmark run or a test run: a fresh cluster in a temporary folder,
/// trust authentication, listening only on 127.0.0.1 at a free port, stopped and deleted at dispose. As root it
/// runs as the <c>postgres</c> user, since initdb refuses root. Unless <see cref="ThrowawayPostgresOptions.DurableCommits"/>
/// is set, commits do not wait for the WAL flush (<c>synchronous_commit=off</c>); callers add their own server settings
/// through <see cref="ThrowawayPostgresOptions"/>.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    /// <summary>Overrides the folder holding <c>initdb</c>, <c>postgres</c> and <c>pg_ctl</c>.</summary>
    public const string FolderVariable = "DEEPDIVE_PG_BIN";

    /// <summary>initdb refuses to run as root, so as root the server runs as this operating-system user.</summary>
    public const string ServiceUser = "postgres";

    private const string DefaultFolder = "/usr/lib/postgresql/15/bin";
    private const int LogLines = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly string dataDirectory;
    private readonly ConcurrentQueue<string> log = new();
    private Process? server;

    private ThrowawayPostgres(string dataDirectory) => this.dataDirectory = dataDirectory;

    /// <summary>The folder holding the server binaries: <see cref="FolderVariable"/> if set, else PostgreSQL 15's Debian folder.</summary>
    public static string Folder { get; } = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? folder : DefaultFolder;

    public static string InitDb => Path.Combine(Folder, "initdb");
    public static string Postgres => Path.Combine(Folder, "postgres");
    public static string PgCtl => Path.Combine(Folder, "pg_ctl");

    /// <summary>Whether the server runs as <see cref="ServiceUser"/> through runuser, as it must when we are root.</summary>
    public static bool RunAsServiceUser => Environment.IsPrivilegedProcess;

    // Declared before Unavailable: static initialisers run in declaration order.
    public static string? Runuser { get; } =
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.FirstOrDefault(File.Exists);

    /// <summary>Null when a server can be started here; otherwise the reason it cannot.</summary>
    public static string? Unavailable { get; } = FindProblem();

    public int Port { get; private set; }

    /// <summary>Whether the server process is up.</summary>
    public bool IsRunning => server is { HasExited: false };

    /// <summary>A connection string to the server's <c>postgres</c> database; name another database in it to use that one.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    /// <summary>An unpooled connection string to the <c>postgres</c> database, for administration such as CREATE DATABASE.</summary>
    public string AdminConnectionString => ConnectionString + ";Pooling=false;Timeout=5";

    /// <summary>Starts a server, or says why one cannot be started here.</summary>
    public static async Task<(ThrowawayPostgres? Server, string? Unavailable)> TryStartAsync(
        ThrowawayPostgresOptions options, CancellationToken cancellationToken)
    {
        if (Unavailable is { } reason)
        {
            return (null, reason);
        }

        try
        {
            return (await StartAsync(options, cancellationToken), null);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Starts a server; throws if it cannot (see <see cref="Unavailable"/> for why it cannot here at all).</summary>
    public static async Task<ThrowawayPostgres> StartAsync(ThrowawayPostgresOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Unavailable is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        // As root the cluster belongs to the postgres user, who can write to /tmp but maybe not to $TMPDIR.
        var root = RunAsServiceUser ? "/tmp" : Path.GetTempPath();
        var instance = new ThrowawayPostgres(Path.Combine(root, $"{options.DataDirectoryPrefix}-{Guid.NewGuid():N}"));
        try
        {
            await instance.InitAndStartAsync(options, cancellationToken);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>The last lines the server and its tools printed, for error messages.</summary>
    public string RecentLog() => "PostgreSQL log:" + Environment.NewLine + string.Join(Environment.NewLine, log);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (server is not null)
        {
            if (!server.HasExited)
            {
                try
                {
                    await RunToEndAsync(PgCtl, ["stop", "-D", dataDirectory, "-m", "immediate", "-w"], CancellationToken.None);
                }
                catch (InvalidOperationException)
                {
                    // Killed below.
                }

                using var timeout = new CancellationTokenSource(StopTimeout);
                try
                {
                    await server.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    server.Kill(entireProcessTree: true);
                }
            }

            server.Dispose();
            server = null;
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static string? FindProblem()
    {
        foreach (var binary in new[] { InitDb, Postgres, PgCtl })
        {
            if (!File.Exists(binary))
            {
                return $"PostgreSQL 15 is not installed: {binary} is missing (install postgresql-15 or set {FolderVariable}).";
            }
        }

        if (RunAsServiceUser && Runuser is null)
        {
            return "Running as root, PostgreSQL must run as the 'postgres' user, but runuser was not found.";
        }

        return null;
    }

    private async Task InitAndStartAsync(ThrowawayPostgresOptions options, CancellationToken cancellationToken)
    {
        await RunToEndAsync(InitDb,
            ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], cancellationToken);
        // Another process may take the probed port before postgres binds it; then postgres exits and we try again.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var arguments = new List<string>
            {
                "-D", dataDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture), "-h", "127.0.0.1", "-k", "",
                "-c", $"synchronous_commit={(options.DurableCommits ? "on" : "off")}",
            };
            foreach (var setting in options.Settings)
            {
                arguments.Add("-c");
                arguments.Add(setting);
            }

            server = Start(Postgres, arguments);
            try
            {
                await WaitUntilAcceptingAsync(server, cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.HasExited)
            {
                server.Dispose();
                server = null;
            }
        }
    }

    private async Task WaitUntilAcceptingAsync(Process process, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL exited with code {process.ExitCode} while starting.{Environment.NewLine}{RecentLog()}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException e)
            {
                if (waited.Elapsed > StartTimeout)
                {
                    throw new InvalidOperationException(
                        $"PostgreSQL did not accept connections within {StartTimeout.TotalSeconds} s.{Environment.NewLine}{RecentLog()}", e);
                }

                // Not listening yet, or "the database system is starting up": poll again shortly.
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private Process Start(string program, IReadOnlyList<string> arguments)
    {
        var process = new Process { StartInfo = StartInfo(program, arguments) };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task RunToEndAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(program, arguments) };
        process.Start();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed with exit code {process.ExitCode}:{Environment.NewLine}{await output}{await errors}".Trim());
        }

        Remember(await output);
        Remember(await errors);
    }

    private static ProcessStartInfo StartInfo(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be allowed into the current folder.
            WorkingDirectory = RunAsServiceUser ? "/tmp" : Path.GetTempPath(),
        };
        if (RunAsServiceUser)
        {
            info.FileName = Runuser!;
            foreach (var argument in new[] { "-u", ServiceUser, "--", program })
            {
                info.ArgumentList.Add(argument);
            }
        }
        else
        {
            info.FileName = program;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Remember(string? line)
    {
        if (string.IsNullOrEmpty(line))
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > LogLines && log.TryDequeue(out _))
        {
        }
    }
}

/// <summary>How to start a <see cref="ThrowawayPostgres"/>.</summary>
public sealed record ThrowawayPostgresOptions
{
    /// <summary>The start of the temporary data folder's name; a unique suffix follows.</summary>
    public string DataDirectoryPrefix { get; init; } = "deepdive-pg";

    /// <summary>Server settings as <c>name=value</c>, each passed as <c>-c</c>, after <c>synchronous_commit</c>.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>
    /// Whether a commit waits until its WAL is flushed to disk (<c>synchronous_commit=on</c>, PostgreSQL's own default).
    /// Off unless asked for: a test server trades durability for speed.
    /// </summary>
    public bool DurableCommits { get; init; }

    /// <summary>For <c>deepdive bench</c>: durable commits, room for many connections, a larger buffer cache.</summary>
    public static ThrowawayPostgresOptions Bench { get; } = new()
    {
        DataDirectoryPrefix = "deepdive-bench-pg",
        DurableCommits = true,
        Settings = ["max_connections=200", "shared_buffers=256MB"],
    };
}
