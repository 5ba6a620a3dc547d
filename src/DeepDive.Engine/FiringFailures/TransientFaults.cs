using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DeepDive.Engine.FiringFailures;

/// <summary>
/// Tells an error that may pass if the same work is tried again (a timeout, a busy or locked database, a dropped
/// connection) from one that will not (an empty population, a missing cycle, a bug).
/// </summary>
public static class TransientFaults
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransient(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        TimeoutException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        DbException { IsTransient: true } => true,
        System.Net.Sockets.SocketException => true,
        { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };
}
