namespace DeepDive.Engine.Tests.Storage;

/// <summary>How the SQLite column types map onto the server dialects, by what the column holds.</summary>
internal static class ColumnTypeRules
{
    private static readonly HashSet<string> Ticks =
    [
        "next_execution", "create_time", "complete_time", "subscribe_as_of", "external_token_expiry",
        "event_time", "error_time", "execute_time",
    ];

    private static readonly HashSet<string> Integers =
    [
        "monthly_capacity", "position", "needs_work", "late", "version", "step_id", "terminated", "is_processed", "attempts",
        "transient", "failures", "disabled", "failed_sign_ins", "automatic",
    ];

    private static readonly HashSet<(string Table, string Column)> Bytes = [("web_session", "ticket")];

    public sealed record Rule(string Kind, string Postgres, string SqlServer);

    public static Rule Expected(string table, string column)
    {
        if (column.EndsWith("_utc", StringComparison.Ordinal) || column.EndsWith("_on", StringComparison.Ordinal))
        {
            return new Rule("domain time", "timestamp with time zone", "DateTime2");
        }

        if (Ticks.Contains(column) || column == "seed" || (table is "wf_error" or "wf_execution" && column == "id"))
        {
            return new Rule("64-bit number", "bigint", "BigInt");
        }

        if (Bytes.Contains((table, column)))
        {
            return new Rule("bytes", "bytea", "VarBinary");
        }

        if (Integers.Contains(column) || (table == "wf_instance" && column == "status"))
        {
            return new Rule("32-bit number", "integer", "Int");
        }

        return new Rule("text", "text", "NVarChar");
    }
}
