using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;

namespace DeepDive.Engine.Storage;

/// <summary>Every time DeepDive stores is UTC; SQLite hands times back as text without a kind, so mark them.</summary>
internal sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            // Dapper consults its built-in type map before handlers when binding parameters, so without this
            // SetValue is never called for DateTime (DapperLib/Dapper#206): times would go as legacy datetime
            // on SQL Server, and an unspecified kind as a local timestamp on PostgreSQL.
            SqlMapper.RemoveTypeMap(typeof(DateTime));
            SqlMapper.RemoveTypeMap(typeof(DateTime?));
            SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
        }
    }

    public override void SetValue(IDbDataParameter parameter, DateTime value)
    {
        parameter.Value = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        // Npgsql infers timestamptz from Kind=Utc; DbType.DateTime2 would mean timestamp without time zone there.
        if (parameter is not NpgsqlParameter)
        {
            parameter.DbType = DbType.DateTime2;
        }
    }

    public override DateTime Parse(object value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        DateTimeOffset o => o.UtcDateTime,
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => throw new DataException($"Cannot read a time from a {value.GetType().Name}."),
    };
}
