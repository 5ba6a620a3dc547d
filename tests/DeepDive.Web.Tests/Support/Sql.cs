using Dapper;

namespace DeepDive.Web.Tests.Support;

/// <summary>Reads and writes the test's copy of the database directly: what a test expects, or data the demo year did not make.</summary>
public static class Sql
{
    public static async Task<T> ScalarAsync<T>(this TestApp app, string sql, object? parameters = null)
    {
        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException($"No value from: {sql}");
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this TestApp app, string sql, object? parameters = null)
    {
        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public static async Task<int> ExecuteAsync(this TestApp app, string sql, object? parameters = null)
    {
        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteAsync(sql, parameters);
    }
}
