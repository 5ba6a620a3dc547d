using System.Data.Common;

namespace DeepDive.Engine.Storage;

/// <summary>One database DeepDive stores its state in: a dialect and a connection string.</summary>
public sealed class Database
{
    static Database() => UtcDateTimeHandler.Register();

    public Database(ISqlDialect dialect, string connectionString)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
    }

    public ISqlDialect Dialect { get; }
    public string ConnectionString { get; }

    public static Database Open(string connection) => ConnectionTarget.Parse(connection);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await Dialect.PrepareAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it, or rolls all of it back.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        InTransactionAsync<bool>(async (c, t) => { await work(c, t); return true; }, cancellationToken);
}
