using System.Globalization;

namespace DeepDive.Domain.Sampling;

/// <summary>How a stratified sample's size is shared between strata.</summary>
public abstract record StratumAllocation
{
    private StratumAllocation()
    {
    }

    /// <summary>Sizes proportional to the strata, rounded by the largest-remainder method so they sum exactly to n.</summary>
    public static StratumAllocation Proportional { get; } = new ProportionalAllocation();

    /// <summary>
    /// Each stratum first gets min(m, its size); the rest of the sample is shared by largest remainder in
    /// proportion to each stratum's cases not yet allocated (so no stratum is ever given more than it has).
    /// </summary>
    public static StratumAllocation MinimumPerStratum(int minimum)
    {
        if (minimum < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum, $"The minimum per stratum cannot be negative; it was {minimum}.");
        }

        return new MinimumAllocation(minimum);
    }

    /// <summary>The name stored in the draw's algorithm string.</summary>
    public abstract string Name { get; }

    public sealed record ProportionalAllocation : StratumAllocation
    {
        internal ProportionalAllocation()
        {
        }

        public override string Name => "proportional";
    }

    public sealed record MinimumAllocation : StratumAllocation
    {
        internal MinimumAllocation(int minimum) => Minimum = minimum;

        public int Minimum { get; }

        public override string Name => string.Create(CultureInfo.InvariantCulture, $"minimum-{Minimum}");
    }
}
