using System.Reflection;
using System.Text.RegularExpressions;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Import;
using DeepDive.Engine.Workflows.Persistence;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DeepDive.Engine.Tests.Workflows.Persistence;

/// <summary>
/// No SQL Server runs here, so every statement the persistence provider would run there is checked by SQL
/// Server's own parser: the fixed ones and those built by <see cref="SqlServerDialect"/>.
/// </summary>
public sealed partial class ProviderSqlTests
{
    public static TheoryData<string> StatementNames() => [.. Statements(new SqlServerDialect()).Keys];

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void Statement_ParsesOnSqlServer_AsOneStatementOfTheKindItSays(string name)
    {
        var sql = Statements(new SqlServerDialect())[name];
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);

        var script = (TSqlScript)parser.Parse(reader, out var errors);

        errors.Select(e => $"line {e.Line}: {e.Message}").Should().BeEmpty(sql);
        var statement = script.Batches.SelectMany(b => b.Statements).Should().ContainSingle(sql).Subject;
        var verb = sql.TrimStart().Split(' ', 2)[0];
        statement.Should().BeOfType(verb switch
        {
            "SELECT" => typeof(SelectStatement),
            "INSERT" => typeof(InsertStatement),
            "UPDATE" => typeof(UpdateStatement),
            "DELETE" => typeof(DeleteStatement),
            "MERGE" => typeof(MergeStatement),
            _ => throw new InvalidOperationException($"{name} starts with '{verb}'."),
        }, sql);
    }

    [Fact]
    public void Statements_CoverEveryKindOfWorkTheProviderDoes()
    {
        var names = Statements(new SqlServerDialect()).Keys;

        names.Should().Contain(
        [
            "Instances.Insert", "Instances.Update", "Instances.Runnable", "Pointers.Upsert", "Subscriptions.FirstOpen",
            "Subscriptions.TakeToken", "Events.Insert", "Events.FromTime", "Commands.Schedule", "Commands.Due", "Errors.Insert",
        ]);
    }

    [Fact]
    public void ProviderFiles_HoldNoSqlOfTheirOwn()
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "src", "DeepDive.Engine", "Workflows", "Persistence");
        var files = Directory.GetFiles(folder, "DapperPersistenceProvider*.cs");

        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            SqlLiteral().Matches(File.ReadAllText(file)).Select(m => m.Value).Should()
                .BeEmpty($"{Path.GetFileName(file)} should take its statements from ProviderSql, where they are tested");
        }
    }

    /// <summary>Every statement of <c>ProviderSql</c> by "Group.Name": its constants, and its methods called with <paramref name="dialect"/>.</summary>
    private static Dictionary<string, string> Statements(ISqlDialect dialect)
    {
        var statements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in typeof(ProviderSql).GetNestedTypes(BindingFlags.Public))
        {
            foreach (var field in group.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                statements[$"{group.Name}.{field.Name}"] = (string)field.GetRawConstantValue()!;
            }

            foreach (var method in group.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(string)))
            {
                method.GetParameters().Select(p => p.ParameterType).Should().Equal([typeof(ISqlDialect)], $"{group.Name}.{method.Name} builds SQL from a dialect");
                statements[$"{group.Name}.{method.Name}"] = (string)method.Invoke(null, [dialect])!;
            }
        }

        return statements;
    }

    [GeneratedRegex("\"\\s*(SELECT|INSERT|UPDATE|DELETE|MERGE)\\b|\"\"\"|Dialect\\.(Upsert|InsertIfAbsent|Top)\\(", RegexOptions.IgnoreCase)]
    private static partial Regex SqlLiteral();
}
