using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Cycles;

/// <summary>A partnership's configured cycles; each row keeps the whole definition as the JSON of <see cref="CycleFile"/>.</summary>
public sealed class CycleStore(Database database, TimeProvider clock)
{
    private const string Active = "active";

    private static readonly string[] Keys = ["partnership_id", "cycle_id"];

    private readonly string insert = database.Dialect.InsertIfAbsent(
        "cycle", Keys, ["name", "theme", "definition_json", "status", "created_utc", "updated_utc"]);

    /// <summary>Saves a cycle as active; an update keeps the time it was first added. Refuses a definition <see cref="CycleFile.Parse"/> would refuse.</summary>
    public Task AddOrUpdateAsync(string partnershipId, CycleDefinition cycle, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        ArgumentNullException.ThrowIfNull(cycle);
        var json = CycleFile.Serialize(cycle);
        CycleFile.Parse(json, $"cycle '{cycle.Id}'");
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new CycleRow(partnershipId, cycle.Id, cycle.Name, cycle.Theme, json, Active, now, now);

        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var known = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM partnership WHERE id = @PartnershipId", row, transaction, cancellationToken: cancellationToken));
            if (known == 0)
            {
                throw new InvalidOperationException($"There is no partnership '{partnershipId}' to add cycle '{cycle.Id}' to.");
            }

            // Insert-or-update in two statements because the update must leave created_utc alone.
            var inserted = await connection.ExecuteAsync(new CommandDefinition(insert, row, transaction, cancellationToken: cancellationToken));
            if (inserted == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE cycle
                    SET name = @Name, theme = @Theme, definition_json = @DefinitionJson, status = @Status, updated_utc = @UpdatedUtc
                    WHERE partnership_id = @PartnershipId AND cycle_id = @CycleId
                    """,
                    row, transaction, cancellationToken: cancellationToken));
            }
        }, cancellationToken);
    }

    public async Task<CycleDefinition?> GetAsync(string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT definition_json FROM cycle WHERE partnership_id = @PartnershipId AND cycle_id = @CycleId",
            new { PartnershipId = partnershipId, CycleId = cycleId }, cancellationToken: cancellationToken));
        return json is null ? null : CycleFile.ReadStored(json);
    }

    /// <summary>The partnership's cycles in order of id.</summary>
    public async Task<IReadOnlyList<CycleDefinition>> ListAsync(string partnershipId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT definition_json FROM cycle WHERE partnership_id = @PartnershipId ORDER BY cycle_id",
            new { PartnershipId = partnershipId }, cancellationToken: cancellationToken));
        return rows.Select(CycleFile.ReadStored).ToList();
    }

    private sealed record CycleRow(
        string PartnershipId, string CycleId, string Name, string Theme, string DefinitionJson, string Status, DateTime CreatedUtc, DateTime UpdatedUtc);
}
