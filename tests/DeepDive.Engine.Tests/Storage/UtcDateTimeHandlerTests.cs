using System.Data;
using Dapper;
using DeepDive.Engine.Storage;
using Microsoft.Data.SqlClient;
using Npgsql;
using NpgsqlTypes;

namespace DeepDive.Engine.Tests.Storage;

/// <summary>The handler Dapper uses for DateTime parameters, checked on provider parameters (SQL Server cannot run here).</summary>
public sealed class UtcDateTimeHandlerTests
{
    private static readonly DateTime Noon = new(2027, 6, 1, 12, 0, 0, DateTimeKind.Unspecified);

    [Fact]
    public void DateTimeParameter_OnSqlServer_IsUtcDatetime2()
    {
        var parameter = new SqlParameter();

        Bind(parameter, Noon);

        parameter.DbType.Should().Be(DbType.DateTime2, "legacy datetime rounds to 1/300 s and compares wrongly with datetime2 columns");
        parameter.Value.Should().BeOfType<DateTime>().Which.Kind.Should().Be(DateTimeKind.Utc);
        ((DateTime)parameter.Value!).Ticks.Should().Be(Noon.Ticks);
    }

    [Fact]
    public void DateTimeParameter_OnPostgres_IsUtcWithTheTypeLeftToNpgsql()
    {
        var parameter = new NpgsqlParameter();

        Bind(parameter, Noon);

        // Npgsql sends a Kind=Utc DateTime as timestamptz; a forced DbType.DateTime2 would make it timestamp.
        parameter.Value.Should().BeOfType<DateTime>().Which.Kind.Should().Be(DateTimeKind.Utc);
        parameter.NpgsqlDbType.Should().NotBe(NpgsqlDbType.Timestamp);
    }

    private static void Bind(IDbDataParameter parameter, DateTime value)
    {
        _ = new Database(new SqliteDialect(), "Data Source=unused.db"); // registers the handler
#pragma warning disable CS0618 // LookupDbType is public for Dapper's generated code; it is how Dapper finds a parameter's handler.
        SqlMapper.LookupDbType(typeof(DateTime), "value", demand: false, out var handler);
#pragma warning restore CS0618

        handler.Should().NotBeNull("Dapper must hand DateTime parameters to DeepDive's UTC handler");
        handler!.SetValue(parameter, value);
    }
}
