using DeepDive.Engine.Cycles;
using DeepDive.Engine.FiringFailures;
using DeepDive.Engine.Storage;

namespace DeepDive.Cli.Commands;

/// <summary>A partnership's failed firings with the time zone of each one's cycle, for listing.</summary>
internal sealed record FailedFiringsList(IReadOnlyList<FailedFiring> Firings, IReadOnlyDictionary<string, string> Zones)
{
    public string ZoneOf(string cycleId) => Zones.GetValueOrDefault(cycleId, FiringName.DefaultZone);

    public static async Task<FailedFiringsList> LoadAsync(Database database, string partnershipId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var firings = await FailedFirings.ListAsync(connection, partnershipId, null, openOnly: false, cancellationToken);
        var cycles = await new CycleStore(database, TimeProvider.System).ListAsync(partnershipId, cancellationToken);
        return new FailedFiringsList(firings, cycles.ToDictionary(c => c.Id, c => c.Schedule.TimeZone));
    }
}
