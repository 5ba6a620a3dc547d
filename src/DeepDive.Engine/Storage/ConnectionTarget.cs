using System.Data.Common;

namespace DeepDive.Engine.Storage;

/// <summary>Chooses the dialect from a connection string, or treats a bare path as a SQLite file.</summary>
public static class ConnectionTarget
{
    public static Database Parse(string connection)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException("The database connection is empty: give a SQLite file path or a connection string.");
        }

        if (!connection.Contains('='))
        {
            return new Database(new SqliteDialect(), $"Data Source={Path.GetFullPath(connection)};Pooling=True");
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connection;
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The database connection string cannot be read: {e.Message}", e);
        }

        if (builder.ContainsKey("Host"))
        {
            var postgres = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            if (!builder.ContainsKey("No Reset On Close"))
            {
                // DeepDive sets no session state on pooled connections, so the DISCARD ALL on every return is wasted.
                postgres.NoResetOnClose = true;
            }

            return new Database(new PostgresDialect(), postgres.ConnectionString);
        }

        if (builder.ContainsKey("Server") || builder.ContainsKey("Initial Catalog") || builder.ContainsKey("Integrated Security")
            || builder.ContainsKey("Addr") || builder.ContainsKey("Address"))
        {
            return new Database(new SqlServerDialect(), connection);
        }

        if (builder.ContainsKey("Data Source") || builder.ContainsKey("DataSource") || builder.ContainsKey("Filename"))
        {
            return new Database(new SqliteDialect(), connection);
        }

        throw new ArgumentException(
            "Cannot tell which database this connection string is for: use Host=... for PostgreSQL, Server=... for SQL Server, or Data Source=<file> for SQLite.");
    }
}
