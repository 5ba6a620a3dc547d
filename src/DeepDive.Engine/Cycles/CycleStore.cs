using System.Data.Common;
using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Cycles;

/// <summary>A partnership's configured cycles; each row keeps the whole definition as the JSON of <see cref="CycleFile"/>.</summary>
public sealed class CycleStore(Database database, TimeProvider clock)
{
    private static readonly string[] Keys = ["partnership_id", "cycle_id"];

    private const string SelectEntry = """
        SELECT definition_json AS DefinitionJson, status AS Status, paused_utc AS PausedUtc, retired_utc AS RetiredUtc,
               created_utc AS CreatedUtc, updated_utc AS UpdatedUtc
        FROM cycle
        """;

    private readonly string insert = database.Dialect.InsertIfAbsent(
        "cycle", Keys, ["name", "theme", "definition_json", "status", "created_utc", "updated_utc"]);

    /// <summary>
    /// Saves a new cycle as active, or updates an existing one, keeping its status (a paused cycle stays paused) and
    /// the time it was first added; the definition it replaces goes into its history. Refuses a definition
    /// <see cref="CycleFile.Parse"/> would refuse, and any change to a retired cycle. Returns whether it was new.
    /// </summary>
    public Task<bool> AddOrUpdateAsync(string partnershipId, CycleDefinition cycle, CancellationToken cancellationToken) =>
        SaveAsync(partnershipId, cycle, mustExist: false, cancellationToken);

    /// <summary>Replaces the definition of an existing cycle, as <see cref="AddOrUpdateAsync"/> does; refuses an unknown one.</summary>
    public Task EditAsync(string partnershipId, CycleDefinition cycle, CancellationToken cancellationToken) =>
        SaveAsync(partnershipId, cycle, mustExist: true, cancellationToken);

    private Task<bool> SaveAsync(string partnershipId, CycleDefinition cycle, bool mustExist, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        ArgumentNullException.ThrowIfNull(cycle);
        var json = CycleFile.Serialize(cycle);
        CycleFile.Parse(json, $"cycle '{cycle.Id}'");
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new CycleRow(partnershipId, cycle.Id, cycle.Name, cycle.Theme, json, CycleStatus.Active, now, now);

        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var known = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM partnership WHERE id = @PartnershipId", row, transaction, cancellationToken: cancellationToken));
            if (known == 0)
            {
                throw new InvalidOperationException($"There is no partnership '{partnershipId}' to add cycle '{cycle.Id}' to.");
            }

            var before = await ReadAsync(connection, transaction, partnershipId, cycle.Id, cancellationToken);
            if (before is null)
            {
                if (mustExist)
                {
                    throw new CycleRefusedException($"There is no cycle '{cycle.Id}' in partnership '{partnershipId}' to edit; add it with 'deepdive cycle add'.");
                }

                await connection.ExecuteAsync(new CommandDefinition(insert, row, transaction, cancellationToken: cancellationToken));
                await CycleHistory.AddAsync(connection, transaction, partnershipId, cycle.Id, now, "added", null, null, cancellationToken);
                return true;
            }

            if (CycleStatus.Refusal(cycle.Id, before.Status, CycleAction.Edit) is { } refusal)
            {
                throw new CycleRefusedException(refusal);
            }

            // The status is left as it is: editing a paused cycle does not resume it.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE cycle
                SET name = @Name, theme = @Theme, definition_json = @DefinitionJson, updated_utc = @UpdatedUtc
                WHERE partnership_id = @PartnershipId AND cycle_id = @CycleId
                """,
                row, transaction, cancellationToken: cancellationToken));
            await CycleHistory.AddAsync(connection, transaction, partnershipId, cycle.Id, now, "edited",
                "the definition was replaced; rounds already open keep their own copy", before.DefinitionJson, cancellationToken);
            return false;
        }, cancellationToken);
    }

    /// <summary>
    /// Moves a cycle to the status <paramref name="action"/> leads to and records it in its history, in one transaction.
    /// Returns the entry as it was before; a pause of a paused cycle or a retirement of a retired one changes nothing.
    /// </summary>
    public Task<CycleEntry> ChangeStatusAsync(string partnershipId, string cycleId, CycleAction action, string? detail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await ReadAsync(connection, transaction, partnershipId, cycleId, cancellationToken)
                ?? throw new CycleRefusedException($"There is no cycle '{cycleId}' in partnership '{partnershipId}'.");
            if (CycleStatus.Refusal(cycleId, before.Status, action) is { } refusal)
            {
                throw new CycleRefusedException(refusal);
            }

            var after = CycleStatus.After(before.Status, action);
            if (after != before.Status)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE cycle SET status = @Status, updated_utc = @Now,
                        paused_utc = CASE WHEN @Status = 'paused' THEN @Now ELSE NULL END,
                        retired_utc = CASE WHEN @Status = 'retired' THEN @Now ELSE retired_utc END
                    WHERE partnership_id = @PartnershipId AND cycle_id = @CycleId
                    """,
                    new { Status = after, Now = now, PartnershipId = partnershipId, CycleId = cycleId }, transaction, cancellationToken: cancellationToken));
                await CycleHistory.AddAsync(connection, transaction, partnershipId, cycleId, now, after == CycleStatus.Active ? "resumed" : after,
                    detail, null, cancellationToken);
            }

            return before.ToEntry();
        }, cancellationToken);
    }

    /// <summary>Adds a line to a cycle's history, e.g. a firing that was skipped because the cycle was paused.</summary>
    public async Task RecordAsync(string partnershipId, string cycleId, string action, string detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await CycleHistory.AddAsync(connection, null, partnershipId, cycleId, clock.GetUtcNow().UtcDateTime, action, detail, null, cancellationToken);
    }

    public async Task<IReadOnlyList<CycleEvent>> HistoryAsync(string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await CycleHistory.ListAsync(connection, partnershipId, cycleId, cancellationToken);
    }

    public async Task<CycleDefinition?> GetAsync(string partnershipId, string cycleId, CancellationToken cancellationToken) =>
        (await GetEntryAsync(partnershipId, cycleId, cancellationToken))?.Definition;

    public async Task<CycleEntry?> GetEntryAsync(string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, null, partnershipId, cycleId, cancellationToken))?.ToEntry();
    }

    /// <summary>The partnership's cycles in order of id.</summary>
    public async Task<IReadOnlyList<CycleDefinition>> ListAsync(string partnershipId, CancellationToken cancellationToken) =>
        (await ListEntriesAsync(partnershipId, cancellationToken)).Select(e => e.Definition).ToList();

    /// <summary>The partnership's cycles with their status, in order of id.</summary>
    public async Task<IReadOnlyList<CycleEntry>> ListEntriesAsync(string partnershipId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            SelectEntry + " WHERE partnership_id = @PartnershipId ORDER BY cycle_id",
            new { PartnershipId = partnershipId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    private static Task<EntryRow?> ReadAsync(DbConnection connection, DbTransaction? transaction, string partnershipId, string cycleId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<EntryRow>(new CommandDefinition(
            SelectEntry + " WHERE partnership_id = @PartnershipId AND cycle_id = @CycleId",
            new { PartnershipId = partnershipId, CycleId = cycleId }, transaction, cancellationToken: cancellationToken));

    private sealed record CycleRow(
        string PartnershipId, string CycleId, string Name, string Theme, string DefinitionJson, string Status, DateTime CreatedUtc, DateTime UpdatedUtc);

    private sealed class EntryRow
    {
        public string DefinitionJson { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTime? PausedUtc { get; set; }
        public DateTime? RetiredUtc { get; set; }
        public DateTime CreatedUtc { get; set; }
        public DateTime UpdatedUtc { get; set; }

        public CycleEntry ToEntry() => new(CycleFile.ReadStored(DefinitionJson), Status, PausedUtc, RetiredUtc, CreatedUtc, UpdatedUtc);
    }
}
