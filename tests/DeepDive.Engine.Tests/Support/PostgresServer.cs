using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DeepDive.Engine.Storage;
using Npgsql;

namespace DeepDive.Engine.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL 15 server for one test run: a fresh cluster in a temporary folder, trust
/// authentication, listening only on 127.0.0.1 at a free port, fsync off, time zone Europe/London.
/// Use it as the collection fixture of <see cref="PostgresCollection"/> and mark its tests with
/// <see cref="PostgresFactAttribute"/>; each test takes its own database from it.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string TemplateName = "deepdive_migrated_template";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<string> log = new();
    private readonly SemaphoreSlim templateLock = new(1, 1);
    private Process? server;
    private string? dataDirectory;
    private bool templateReady;
    private int databaseCount;

    public int Port { get; private set; }

    /// <summary>Whether the server is up; false when PostgreSQL is not installed here (the tests then skip).</summary>
    public bool IsRunning => server is { HasExited: false };

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.Unavailable is not null)
        {
            // The tests skip; under CI=true they run and CreateDatabaseAsync fails with the reason.
            return;
        }

        // As root the cluster belongs to the postgres user, who can write to /tmp but maybe not to $TMPDIR.
        var tempRoot = PostgresBinaries.RunAsServiceUser ? "/tmp" : Path.GetTempPath();
        dataDirectory = Path.Combine(tempRoot, $"deepdive-pg-{Guid.NewGuid():N}");
        try
        {
            await RunToEndAsync(PostgresBinaries.InitDb,
                ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
            await StartAsync();
        }
        catch
        {
            await StopAndDeleteAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database with a unique name and returns its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = NewDatabaseName();
        await ExecuteAdminAsync($"CREATE DATABASE {name}", cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Creates a database with the DeepDive schema already migrated, copied from a template migrated once.</summary>
    public async Task<Database> CreateMigratedDatabaseAsync(CancellationToken cancellationToken = default)
    {
        await EnsureTemplateAsync(cancellationToken);
        var name = NewDatabaseName();
        await ExecuteAdminAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName}", cancellationToken);
        return Database.Open(ConnectionString(name));
    }

    /// <summary>The connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        // Many small test databases: let idle pooled connections go soon so they do not pile up on the server.
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Connection Idle Lifetime=10;Connection Pruning Interval=5";

    public async Task DisposeAsync()
    {
        await StopAndDeleteAsync();
        templateLock.Dispose();
    }

    private async Task StartAsync()
    {
        // Another process may take the probed port before postgres binds it; then postgres exits and we try again.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            server = StartServer(Port);
            try
            {
                await WaitUntilAcceptingAsync(server);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.HasExited)
            {
                server.Dispose();
                server = null;
            }
        }
    }

    private async Task StopAndDeleteAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (server is not null)
        {
            if (!server.HasExited)
            {
                try
                {
                    await RunToEndAsync(PostgresBinaries.PgCtl, ["stop", "-D", dataDirectory!, "-m", "immediate", "-w"]);
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

        if (dataDirectory is not null && Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private string NewDatabaseName() => $"deepdive_test_{Interlocked.Increment(ref databaseCount)}_{Guid.NewGuid():N}";

    private async Task EnsureTemplateAsync(CancellationToken cancellationToken)
    {
        await templateLock.WaitAsync(cancellationToken);
        try
        {
            if (templateReady)
            {
                return;
            }

            await ExecuteAdminAsync($"CREATE DATABASE {TemplateName}", cancellationToken);
            // No pooling: CREATE DATABASE ... TEMPLATE refuses while anyone is still connected to the template.
            Migrator.Upgrade(Database.Open(ConnectionString(TemplateName) + ";Pooling=false"));
            templateReady = true;
        }
        finally
        {
            templateLock.Release();
        }
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        EnsureRunning();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=5";

    private void EnsureRunning()
    {
        if (!IsRunning)
        {
            throw new InvalidOperationException(PostgresBinaries.Unavailable is { } reason
                ? $"{reason} (CI=true: PostgreSQL tests must run here.)"
                : $"The PostgreSQL test server is not running.{Environment.NewLine}{RecentLog()}");
        }
    }

    private async Task WaitUntilAcceptingAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
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
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException e)
            {
                if (deadline.Elapsed > StartTimeout)
                {
                    throw new InvalidOperationException(
                        $"PostgreSQL did not accept connections within {StartTimeout.TotalSeconds} s.{Environment.NewLine}{RecentLog()}", e);
                }

                // Not listening yet, or "the database system is starting up": poll again shortly.
                await Task.Delay(50);
            }
        }
    }

    private Process StartServer(int port)
    {
        var process = new Process
        {
            StartInfo = StartInfo(PostgresBinaries.Postgres,
            [
                "-D", dataDirectory!, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-h", "127.0.0.1", "-k", "",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300",
                // A council's server runs on London time: a time sent without a zone would be read as local, and tests see it.
                "-c", "timezone=Europe/London",
            ]),
        };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task RunToEndAsync(string program, IReadOnlyList<string> arguments)
    {
        using var process = new Process { StartInfo = StartInfo(program, arguments) };
        process.Start();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed with exit code {process.ExitCode}:{Environment.NewLine}{await output}{await errors}");
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
            // The postgres user may not be allowed into the test's working directory.
            WorkingDirectory = Path.GetTempPath(),
        };
        if (PostgresBinaries.RunAsServiceUser)
        {
            info.FileName = PostgresBinaries.Runuser!;
            foreach (var argument in new[] { "-u", PostgresBinaries.ServiceUser, "--", program })
            {
                info.ArgumentList.Add(argument);
            }

            info.WorkingDirectory = "/tmp";
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
        while (log.Count > 200 && log.TryDequeue(out _))
        {
        }
    }

    private string RecentLog() => "PostgreSQL log:" + Environment.NewLine + string.Join(Environment.NewLine, log);
}
