using Dapper;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresColumnTypeTests(PostgresServer postgres)
{
    [PostgresFact]
    public async Task Columns_AfterMigration_FollowTheDialectTypeRules()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var columns = (await connection.QueryAsync<(string Table, string Column, string Type)>(
            "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schemaversions'"))
            .ToList();

        columns.Should().NotBeEmpty();
        foreach (var (table, column, type) in columns)
        {
            var expected = ColumnTypeRules.Expected(table, column);
            type.Should().Be(expected.Postgres, $"{table}.{column} is a {expected.Kind}");
        }
    }
}
