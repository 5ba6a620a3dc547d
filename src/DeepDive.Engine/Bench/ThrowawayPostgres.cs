using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DeepDive.Engine.Bench;

/// <summary>
/// A PostgreSQL 15 server for one benchmark run: a fresh cluster in a temporary folder, trust authentication,
/// listening only on 127.0.0.1 at a free port, deleted at dispose. As root it runs as the <c>postgres</c>
/// user, since initdb refuses root. Commits do not wait for the WAL flush (<c>synchronous_commit=off</c>),
/// the same durability trade as SQLite's <c>synchronous=NORMAL</c> in WAL mode that DeepDive uses.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    /// <summary>Overrides the folder holding <c>initdb</c>, <c>postgres</c> and <c>pg_ctl</c>.</summary>
    public const string FolderVariable = "DEEPDIVE_PG_BIN";

    private const string ServiceUser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string binaries;
    private readonly string dataDirectory;
    private readonly string? runuser;
    private readonly ConcurrentQueue<string> log = new();
    private Process? server;

    private ThrowawayPostgres(string binaries, string dataDirectory, string? runuser)
    {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.runuser = runuser;
    }

    public int Port { get; private set; }

    /// <summary>A connection string to the server's <c>postgres</c> database; name another database in it to use that one.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    private string AdminConnectionString => ConnectionString + ";Pooling=false;Timeout=5";

    /// <summary>Starts a server, or says why one cannot be started here.</summary>
    public static async Task<(ThrowawayPostgres? Server, string? Unavailable)> TryStartAsync(CancellationToken cancellationToken)
    {
        var binaries = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? folder : "/usr/lib/postgresql/15/bin";
        foreach (var program in new[] { "initdb", "postgres", "pg_ctl" })
        {
            if (!File.Exists(Path.Combine(binaries, program)))
            {
                return (null, $"{Path.Combine(binaries, program)} is missing (install postgresql-15, set {FolderVariable}, or pass --postgres)");
            }
        }

        string? runuser = null;
        if (Environment.IsPrivilegedProcess)
        {
            runuser = new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists);
            if (runuser is null)
            {
                return (null, "running as root, PostgreSQL must run as the 'postgres' user, but runuser was not found");
            }
        }

        // As root the cluster belongs to the postgres user, who can write to /tmp but maybe not to $TMPDIR.
        var root = runuser is null ? Path.GetTempPath() : "/tmp";
        var instance = new ThrowawayPostgres(binaries, Path.Combine(root, $"deepdive-bench-pg-{Guid.NewGuid():N}"), runuser);
        try
        {
            await instance.StartAsync(cancellationToken);
            return (instance, null);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            await instance.DisposeAsync();
            return (null, e.Message);
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await RunToEndAsync("initdb", ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], cancellationToken);
        // Another process may take the probed port before postgres binds it; then postgres exits and we try again.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            server = Start("postgres",
            [
                "-D", dataDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture), "-h", "127.0.0.1", "-k", "",
                "-c", "synchronous_commit=off", "-c", "max_connections=200", "-c", "shared_buffers=256MB",
            ]);
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
                throw new InvalidOperationException($"PostgreSQL exited with code {process.ExitCode} while starting: {RecentLog()}");
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
                    throw new InvalidOperationException($"PostgreSQL did not accept connections within {StartTimeout.TotalSeconds} s: {RecentLog()}", e);
                }

                // Not listening yet, or "the database system is starting up".
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (server is not null)
        {
            if (!server.HasExited)
            {
                try
                {
                    await RunToEndAsync("pg_ctl", ["stop", "-D", dataDirectory, "-m", "immediate", "-w"], CancellationToken.None);
                }
                catch (InvalidOperationException)
                {
                    // Killed below.
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
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
            throw new InvalidOperationException($"{program} failed with exit code {process.ExitCode}: {await output}{await errors}".Trim());
        }
    }

    private ProcessStartInfo StartInfo(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be allowed into the current folder.
            WorkingDirectory = runuser is null ? Path.GetTempPath() : "/tmp",
        };
        if (runuser is not null)
        {
            info.FileName = runuser;
            foreach (var argument in new[] { "-u", ServiceUser, "--" })
            {
                info.ArgumentList.Add(argument);
            }

            info.ArgumentList.Add(Path.Combine(binaries, program));
        }
        else
        {
            info.FileName = Path.Combine(binaries, program);
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
        while (log.Count > 50 && log.TryDequeue(out _))
        {
        }
    }

    private string RecentLog() => string.Join(Environment.NewLine, log);
}
