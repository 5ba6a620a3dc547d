using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DeepDive.Engine.Tests.Storage;

/// <summary>No SQL Server runs here, so its scripts and generated statements are checked by SQL Server's own parser.</summary>
public sealed class SqlServerScriptTests
{
    public static TheoryData<string> ScriptNames() => [.. Migrator.Scripts("sqlserver").Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void Script_ParsesWithoutErrors(string name)
    {
        var (script, errors) = Parse(Migrator.Scripts("sqlserver").Single(s => s.Name == name).Contents);

        errors.Should().BeEmpty();
        script.Batches.SelectMany(b => b.Statements).Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void Script_EndsEveryStatementWithASemicolon(string name)
    {
        var (script, _) = Parse(Migrator.Scripts("sqlserver").Single(s => s.Name == name).Contents);

        foreach (var statement in script.Batches.SelectMany(b => b.Statements))
        {
            script.ScriptTokenStream[statement.LastTokenIndex].TokenType.Should().Be(TSqlTokenType.Semicolon,
                $"the statement at line {statement.StartLine} should end with ';'");
        }
    }

    [Fact]
    public async Task Scripts_GiveTheSqliteTablesColumnsKeysAndIndexes()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        var expected = await SchemaShape.OfSqliteAsync(connection);

        var actual = Migrator.Scripts("sqlserver").SelectMany(s => SchemaShape.OfSqlServerScript(Parse(s.Contents).Script)).ToList();

        actual.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void Scripts_UseTheDialectTypes_AndNeverNvarcharMaxOnAKeyOrIndexedColumn()
    {
        var columns = new List<(string Table, ColumnDefinition Column)>();
        var keyed = new HashSet<(string Table, string Column)>();
        foreach (var script in Migrator.Scripts("sqlserver").Select(s => Parse(s.Contents).Script))
        {
            var visitor = new KeyedColumns();
            script.Accept(visitor);
            columns.AddRange(visitor.Columns);
            keyed.UnionWith(visitor.Keyed);
        }

        columns.Should().NotBeEmpty();
        keyed.Should().Contain([("case_record", "case_ref"), ("wf_event", "event_key"), ("wf_scheduled_command", "data")]);
        foreach (var (table, column) in columns)
        {
            var name = column.ColumnIdentifier.Value;
            var type = column.DataType.Should().BeOfType<SqlDataTypeReference>().Subject;
            type.SqlDataTypeOption.ToString().Should().Be(ColumnTypeRules.Expected(table, name).SqlServer, $"{table}.{name}");
            if (keyed.Contains((table, name)))
            {
                type.Parameters.Should().NotContain(p => p is MaxLiteral, $"{table}.{name} is a key or indexed column");
            }
        }
    }

    [Fact]
    public void DialectStatements_ParseAsTheIntendedStatements()
    {
        var dialect = new SqlServerDialect();
        var statements = new (string Sql, Type Expected)[]
        {
            (dialect.Upsert("audit_task", ["task_id"], ["status", "due_utc", "answers_json"]), typeof(MergeStatement)),
            (dialect.Upsert("sample_case", ["round_id", "case_ref"], ["position", "list"]), typeof(MergeStatement)),
            (dialect.Upsert("wf_scheduled_command", ["command_name", "data"], []), typeof(MergeStatement)),
            (dialect.InsertIfAbsent("wf_event", ["id"], ["event_name", "event_key", "event_time"]), typeof(MergeStatement)),
            (dialect.Top("SELECT id FROM wf_instance WHERE status = 0 AND next_execution <= @Now ORDER BY next_execution", 100), typeof(SelectStatement)),
            (dialect.Page("SELECT case_ref FROM case_record WHERE partnership_id = @PartnershipId ORDER BY case_ref", 50, 25), typeof(SelectStatement)),
        };

        foreach (var (sql, expected) in statements)
        {
            var (script, errors) = Parse(sql);
            errors.Should().BeEmpty(sql);
            script.Batches.SelectMany(b => b.Statements).Should().ContainSingle(sql).Which.Should().BeOfType(expected);
        }
    }

    [Fact]
    public void UpgradeLock_TakesAndGivesBackASessionApplicationLock()
    {
        var (take, takeErrors) = Parse(SqlServerDialect.LockForUpgrade);
        var (give, giveErrors) = Parse(SqlServerDialect.UnlockAfterUpgrade);

        takeErrors.Should().BeEmpty();
        giveErrors.Should().BeEmpty();
        take.Batches.Single().Statements.OfType<ExecuteStatement>().Should().ContainSingle()
            .Which.ExecuteSpecification.ExecutableEntity.Should().BeOfType<ExecutableProcedureReference>()
            .Which.ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value.Should().Be("sp_getapplock");
        give.Batches.Single().Statements.Should().ContainSingle().Which.Should().BeOfType<ExecuteStatement>()
            .Which.ExecuteSpecification.ExecutableEntity.Should().BeOfType<ExecutableProcedureReference>()
            .Which.ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value.Should().Be("sp_releaseapplock");
        SqlServerDialect.LockForUpgrade.Should().Contain("@LockOwner = 'Session'").And.Contain("'deepdive:schema-upgrade'");
        SqlServerDialect.UnlockAfterUpgrade.Should().Contain("@LockOwner = 'Session'").And.Contain("'deepdive:schema-upgrade'");
    }

    [Fact]
    public void InsertIfAbsent_NeverUpdatesAnExistingRow()
    {
        var sql = new SqlServerDialect().InsertIfAbsent("wf_event", ["id"], ["event_name", "event_key"]);

        var merge = Parse(sql).Script.Batches.Single().Statements.OfType<MergeStatement>().Single();

        merge.MergeSpecification.ActionClauses.Should().ContainSingle()
            .Which.Condition.Should().Be(MergeCondition.NotMatched);
    }

    private static (TSqlScript Script, IList<ParseError> Errors) Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        return ((TSqlScript)fragment, errors);
    }

    private sealed class KeyedColumns : TSqlFragmentVisitor
    {
        public List<(string Table, ColumnDefinition Column)> Columns { get; } = [];
        public HashSet<(string Table, string Column)> Keyed { get; } = [];

        public override void Visit(CreateTableStatement node)
        {
            var table = node.SchemaObjectName.BaseIdentifier.Value;
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                Columns.Add((table, column));
                if (column.Constraints.Any(c => c is UniqueConstraintDefinition or ForeignKeyConstraintDefinition))
                {
                    Keyed.Add((table, column.ColumnIdentifier.Value));
                }
            }

            foreach (var constraint in node.Definition.TableConstraints)
            {
                var names = constraint switch
                {
                    UniqueConstraintDefinition u => u.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value),
                    ForeignKeyConstraintDefinition f => f.Columns.Select(c => c.Value),
                    _ => [],
                };
                Keyed.UnionWith(names.Select(n => (table, n)));
            }
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                Columns.Add((node.SchemaObjectName.BaseIdentifier.Value, column));
            }
        }

        public override void Visit(CreateIndexStatement node) =>
            Keyed.UnionWith(node.Columns.Select(c => (node.OnName.BaseIdentifier.Value, c.Column.MultiPartIdentifier.Identifiers[^1].Value)));
    }
}
