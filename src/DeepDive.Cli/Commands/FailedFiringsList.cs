using DeepDive.Engine.Cycles;
using DeepDive.Engine.FiringFailures;

namespace DeepDive.Cli.Commands;

/// <summary>A partnership's failed firings with the time zone of each one's cycle, for listing.</summary>
public sealed record FailedFiringsList(IReadOnlyList<FailedFiring> Firings, IReadOnlyDictionary<string, string> Zones)
{
    public string ZoneOf(string cycleId) => Zones.GetValueOrDefault(cycleId, FiringName.DefaultZone);
}

/// <summary>Reads a partnership's failed firings and their cycles' zones.</summary>
public sealed class FailedFiringsReader(FailedFirings failures, CycleStore cycles)
{
    public async Task<FailedFiringsList> LoadAsync(string partnershipId, CancellationToken cancellationToken)
    {
        var firings = await failures.ListAsync(partnershipId, null, openOnly: false, cancellationToken);

        var all = await cycles.ListAsync(partnershipId, cancellationToken);
        return new FailedFiringsList(firings, all.ToDictionary(c => c.Id, c => c.Schedule.TimeZone));
    }
}
