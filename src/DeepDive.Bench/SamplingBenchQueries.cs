using Dapper;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;

namespace DeepDive.Bench;

/// <summary>
/// The three things the sampling bench times on one database, all over the same population (the bench round's filter
/// and exclusions, through <see cref="RoundStore"/>'s own WHERE for the eligible population): the production draw, the
/// physical floor, and the naive query.
/// </summary>
internal sealed class SamplingBenchQueries(Database database, RoundRecord round)
{
    private readonly RoundStore rounds = new(database);

    /// <summary>The production path: what the audit-round workflow's draw-sample step runs.</summary>
    public Task<SampleDrawer.Result> DrawAsync(CancellationToken cancellationToken) =>
        new SampleDrawer(rounds).DrawAsync(round, cancellationToken);

    /// <summary>The physical floor: every eligible case's reference read once, in whatever order the database finds them; returns how many.</summary>
    public Task<int> FloorAsync(CancellationToken cancellationToken) => ReadReferencesAsync(ordered: false, cancellationToken);

    /// <summary>The same references in reference order, as a hash over the sorted list (population hash version 1) had to read them at least.</summary>
    public Task<int> OrderedFloorAsync(CancellationToken cancellationToken) => ReadReferencesAsync(ordered: true, cancellationToken);

    private async Task<int> ReadReferencesAsync(bool ordered, CancellationToken cancellationToken)
    {
        var (where, arguments) = rounds.PopulationSql(round.PartnershipId, round.Cycle, round.StartedUtc);
        var sql = $"SELECT c.case_ref FROM case_record c WHERE {where}" + (ordered ? $" ORDER BY {database.Dialect.Ordinal("c.case_ref")}" : "");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, arguments, cancellationToken: cancellationToken));
        var count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            _ = reader.GetString(0);
            count++;
        }

        return count;
    }

    /// <summary>What a user would otherwise write: the database's own shuffle, neither stratified nor repeatable.</summary>
    public async Task<IReadOnlyList<string>> NaiveAsync(int take, CancellationToken cancellationToken)
    {
        var (where, arguments) = rounds.PopulationSql(round.PartnershipId, round.Cycle, round.StartedUtc);
        var sql = database.Dialect.Top($"SELECT c.case_ref FROM case_record c WHERE {where} ORDER BY RANDOM()", take);
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(sql, arguments, cancellationToken: cancellationToken))).AsList();
    }
}
