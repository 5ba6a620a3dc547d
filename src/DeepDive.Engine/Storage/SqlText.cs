namespace DeepDive.Engine.Storage;

/// <summary>Builds the INSERT statements shared by the dialects (plain, and for those that speak <c>ON CONFLICT</c>).</summary>
internal static class SqlText
{
    /// <summary>Columns are snake_case; their parameters are the PascalCase names of the C# members.</summary>
    public static string Param(string column) =>
        string.Concat(column.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>An insert of one row into <paramref name="columns"/>, each from its PascalCase parameter.</summary>
    public static string Insert(string table, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + Param(c)))})";

    public static string InsertOnConflict(string table, IReadOnlyList<string> keys, IReadOnlyList<string> others, bool update)
    {
        var insert = Insert(table, [.. keys, .. others]);
        var conflict = $" ON CONFLICT ({string.Join(", ", keys)}) ";
        var action = update && others.Count > 0
            ? "DO UPDATE SET " + string.Join(", ", others.Select(c => $"{c} = excluded.{c}"))
            : "DO NOTHING";
        return insert + conflict + action;
    }

    public static string InsertKeepingEarliest(string table, IReadOnlyList<string> keys, string column)
    {
        return Insert(table, [.. keys, column]) + " "
            + $"ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {column} = CASE WHEN excluded.{column} < {table}.{column} THEN excluded.{column} ELSE {table}.{column} END";
    }
}
