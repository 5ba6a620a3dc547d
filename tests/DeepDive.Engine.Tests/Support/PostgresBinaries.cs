namespace DeepDive.Engine.Tests.Support;

/// <summary>Finds the PostgreSQL 15 server binaries and says why PostgreSQL tests cannot run, if they cannot.</summary>
public static class PostgresBinaries
{
    /// <summary>Overrides the folder holding <c>initdb</c> and <c>postgres</c>.</summary>
    public const string FolderVariable = "DEEPDIVE_PG_BIN";

    private const string DefaultFolder = "/usr/lib/postgresql/15/bin";

    public static string Folder { get; } = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? folder : DefaultFolder;

    public static string InitDb => Path.Combine(Folder, "initdb");
    public static string Postgres => Path.Combine(Folder, "postgres");
    public static string PgCtl => Path.Combine(Folder, "pg_ctl");

    /// <summary>initdb refuses to run as root, so as root the server runs as this operating-system user.</summary>
    public const string ServiceUser = "postgres";

    public static bool RunAsServiceUser => Environment.IsPrivilegedProcess;

    // Declared before Unavailable: static initialisers run in declaration order.
    internal static string? Runuser { get; } =
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.FirstOrDefault(File.Exists);

    /// <summary>Null when PostgreSQL can be started here; otherwise the reason it cannot.</summary>
    public static string? Unavailable { get; } = FindProblem();

    /// <summary>CI sets <c>CI=true</c>: there a missing PostgreSQL fails the tests instead of skipping them.</summary>
    public static bool MustRun => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The skip reason for <see cref="PostgresFactAttribute"/>: null when the tests must run.</summary>
    public static string? SkipReason => MustRun ? null : Unavailable;

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
}
