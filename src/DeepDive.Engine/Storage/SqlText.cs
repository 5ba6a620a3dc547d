namespace DeepDive.Engine.Storage;

/// <summary>Builds the INSERT statements shared by the dialects that speak <c>ON CONFLICT</c>.</summary>
internal static class SqlText
{
    /// <summary>Columns are snake_case; their parameters are the PascalCase names of the C# members.</summary>
    public static string Param(string column) =>
        string.Concat(column.Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));

    public static string InsertOnConflict(string table, IReadOnlyList<string> keys, IReadOnlyList<string> others, bool update)
    {
        var all = keys.Concat(others).ToList();
        var insert = $"INSERT INTO {table} ({string.Join(", ", all)}) VALUES ({string.Join(", ", all.Select(c => "@" + Param(c)))})";
        var conflict = $" ON CONFLICT ({string.Join(", ", keys)}) ";
        var action = update && others.Count > 0
            ? "DO UPDATE SET " + string.Join(", ", others.Select(c => $"{c} = excluded.{c}"))
            : "DO NOTHING";
        return insert + conflict + action;
    }

    public static string InsertKeepingEarliest(string table, IReadOnlyList<string> keys, string column)
    {
        var all = keys.Append(column).ToList();
        return $"INSERT INTO {table} ({string.Join(", ", all)}) VALUES ({string.Join(", ", all.Select(c => "@" + Param(c)))}) "
            + $"ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {column} = CASE WHEN excluded.{column} < {table}.{column} THEN excluded.{column} ELSE {table}.{column} END";
    }
}
