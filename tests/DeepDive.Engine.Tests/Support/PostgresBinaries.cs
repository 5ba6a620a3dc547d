using DeepDive.Bench;

namespace DeepDive.Engine.Tests.Support;

/// <summary>
/// Finds the PostgreSQL 15 server binaries and says why PostgreSQL tests cannot run, if they cannot.
/// The finding is <see cref="ThrowawayPostgres"/>'s; this adds the tests' skip and CI rules.
/// </summary>
public static class PostgresBinaries
{
    /// <summary>Overrides the folder holding <c>initdb</c> and <c>postgres</c>.</summary>
    public const string FolderVariable = ThrowawayPostgres.FolderVariable;

    public static string Folder => ThrowawayPostgres.Folder;

    public static string InitDb => ThrowawayPostgres.InitDb;
    public static string Postgres => ThrowawayPostgres.Postgres;
    public static string PgCtl => ThrowawayPostgres.PgCtl;

    /// <summary>initdb refuses to run as root, so as root the server runs as this operating-system user.</summary>
    public const string ServiceUser = ThrowawayPostgres.ServiceUser;

    public static bool RunAsServiceUser => ThrowawayPostgres.RunAsServiceUser;

    internal static string? Runuser => ThrowawayPostgres.Runuser;

    /// <summary>Null when PostgreSQL can be started here; otherwise the reason it cannot.</summary>
    public static string? Unavailable => ThrowawayPostgres.Unavailable;

    /// <summary>CI sets <c>CI=true</c>: there a missing PostgreSQL fails the tests instead of skipping them.</summary>
    public static bool MustRun => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The skip reason for <see cref="PostgresFactAttribute"/>: null when the tests must run.</summary>
    public static string? SkipReason => MustRun ? null : Unavailable;
}
