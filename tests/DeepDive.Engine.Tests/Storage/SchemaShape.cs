using System.Data.Common;
using Dapper;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DeepDive.Engine.Tests.Storage;

/// <summary>
/// A schema as a set of comparable facts ("column audit_task.due_utc", "unique re_audit (source_round_id)"),
/// read from a live SQLite or PostgreSQL database or from parsed SQL Server scripts, so dialects can be compared.
/// DbUp's journal table is left out: each dialect's runner makes its own.
/// </summary>
internal static class SchemaShape
{
    private const string Journal = "schemaversions";

    public static async Task<IReadOnlyList<string>> OfSqliteAsync(DbConnection connection)
    {
        var facts = new List<string>();
        var tables = await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        foreach (var table in tables.Where(t => !IsJournal(t)))
        {
            facts.Add($"table {table}");
            var columns = (await connection.QueryAsync<(string Name, long Pk)>(
                "SELECT name, pk FROM pragma_table_info(@table)", new { table })).ToList();
            facts.AddRange(columns.Select(c => $"column {table}.{c.Name}"));
            facts.Add($"primary key {table} ({string.Join(", ", columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name))})");

            var indexes = await connection.QueryAsync<(string Name, string Origin, long Partial)>(
                "SELECT name, origin, partial FROM pragma_index_list(@table) WHERE origin IN ('u', 'c')", new { table });
            foreach (var index in indexes)
            {
                var indexColumns = string.Join(", ", await connection.QueryAsync<string>(
                    "SELECT name FROM pragma_index_info(@name) ORDER BY seqno", new { name = index.Name }));
                facts.Add(index.Origin == "u"
                    ? $"unique {table} ({indexColumns})"
                    : Index(index.Name, table, indexColumns, index.Partial == 1));
            }

            var foreignKeys = await connection.QueryAsync<(string From, string Table, string To)>(
                "SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(@table)", new { table });
            facts.AddRange(foreignKeys.Select(f => ForeignKey(table, f.From, f.Table, f.To)));
        }

        return Normalise(facts);
    }

    public static async Task<IReadOnlyList<string>> OfPostgresAsync(DbConnection connection)
    {
        var facts = new List<string>();
        var tables = await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
        facts.AddRange(tables.Where(t => !IsJournal(t)).Select(t => $"table {t}"));

        var columns = await connection.QueryAsync<(string Table, string Column)>(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'");
        facts.AddRange(columns.Where(c => !IsJournal(c.Table)).Select(c => $"column {c.Table}.{c.Column}"));

        var constraints = await connection.QueryAsync<(string Table, string Type, string Columns, string? Referenced, string? ReferencedColumns)>(
            """
            SELECT t.relname,
                   c.contype::text,
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.o)
                      FROM unnest(c.conkey) WITH ORDINALITY AS k(n, o)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
                   r.relname,
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.o)
                      FROM unnest(c.confkey) WITH ORDINALITY AS k(n, o)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n)
              FROM pg_constraint c
              JOIN pg_class t ON t.oid = c.conrelid
              JOIN pg_namespace ns ON ns.oid = t.relnamespace
              LEFT JOIN pg_class r ON r.oid = c.confrelid
             WHERE ns.nspname = 'public' AND c.contype IN ('p', 'u', 'f')
            """);
        foreach (var c in constraints.Where(c => !IsJournal(c.Table)))
        {
            facts.Add(c.Type switch
            {
                "p" => $"primary key {c.Table} ({c.Columns})",
                "u" => $"unique {c.Table} ({c.Columns})",
                _ => ForeignKey(c.Table, c.Columns, c.Referenced!, c.ReferencedColumns!),
            });
        }

        var indexes = await connection.QueryAsync<(string Name, string Table, bool Filtered, string Columns)>(
            """
            SELECT i.relname, t.relname, x.indpred IS NOT NULL,
                   (SELECT string_agg(a.attname, ', ' ORDER BY k.o)
                      FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(n, o)
                      JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n)
              FROM pg_index x
              JOIN pg_class i ON i.oid = x.indexrelid
              JOIN pg_class t ON t.oid = x.indrelid
              JOIN pg_namespace ns ON ns.oid = t.relnamespace
             WHERE ns.nspname = 'public'
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x'))
            """);
        facts.AddRange(indexes.Where(i => !IsJournal(i.Table)).Select(i => Index(i.Name, i.Table, i.Columns, i.Filtered)));

        return Normalise(facts);
    }

    public static IReadOnlyList<string> OfSqlServerScript(TSqlFragment script)
    {
        var visitor = new SqlServerFacts();
        script.Accept(visitor);
        return Normalise(visitor.Facts);
    }

    private static string Index(string name, string table, string columns, bool filtered) =>
        $"index {name} on {table} ({columns}){(filtered ? " filtered" : "")}";

    private static string ForeignKey(string table, string column, string referenced, string referencedColumn) =>
        $"foreign key {table}.{column} -> {referenced}.{referencedColumn}";

    private static bool IsJournal(string table) => string.Equals(table, Journal, StringComparison.OrdinalIgnoreCase);

    private static List<string> Normalise(IEnumerable<string> facts) =>
        facts.Select(f => f.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();

    private sealed class SqlServerFacts : TSqlFragmentVisitor
    {
        public List<string> Facts { get; } = [];

        public override void Visit(CreateTableStatement node)
        {
            var table = node.SchemaObjectName.BaseIdentifier.Value;
            Facts.Add($"table {table}");
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                var name = column.ColumnIdentifier.Value;
                Facts.Add($"column {table}.{name}");
                foreach (var constraint in column.Constraints)
                {
                    switch (constraint)
                    {
                        case UniqueConstraintDefinition unique:
                            Facts.Add($"{(unique.IsPrimaryKey ? "primary key" : "unique")} {table} ({name})");
                            break;
                        case ForeignKeyConstraintDefinition foreign:
                            Facts.Add(ForeignKey(table, name, foreign.ReferenceTableName.BaseIdentifier.Value,
                                string.Join(", ", foreign.ReferencedTableColumns.Select(c => c.Value))));
                            break;
                    }
                }
            }

            foreach (var constraint in node.Definition.TableConstraints)
            {
                switch (constraint)
                {
                    case UniqueConstraintDefinition unique:
                        Facts.Add($"{(unique.IsPrimaryKey ? "primary key" : "unique")} {table} ({Columns(unique.Columns)})");
                        break;
                    case ForeignKeyConstraintDefinition foreign:
                        Facts.Add(ForeignKey(table, string.Join(", ", foreign.Columns.Select(c => c.Value)),
                            foreign.ReferenceTableName.BaseIdentifier.Value,
                            string.Join(", ", foreign.ReferencedTableColumns.Select(c => c.Value))));
                        break;
                }
            }
        }

        // A later migration adds columns with ALTER TABLE ... ADD.
        public override void Visit(AlterTableAddTableElementStatement node)
        {
            var table = node.SchemaObjectName.BaseIdentifier.Value;
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                Facts.Add($"column {table}.{column.ColumnIdentifier.Value}");
            }
        }

        public override void Visit(CreateIndexStatement node) =>
            Facts.Add(Index(node.Name.Value, node.OnName.BaseIdentifier.Value, Columns(node.Columns), node.FilterPredicate is not null));

        private static string Columns(IEnumerable<ColumnWithSortOrder> columns) =>
            string.Join(", ", columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value));
    }
}
