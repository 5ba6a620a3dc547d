using System.Globalization;

namespace DeepDive.Domain.Actions;

/// <summary>How many actions are in each status, and the committee's sentence about them.</summary>
public sealed record RagCounts(int Red, int Amber, int Green, int Blue)
{
    public static RagCounts None { get; } = new(0, 0, 0, 0);

    public static RagCounts Of(IEnumerable<RagStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var list = statuses.ToList();
        return new RagCounts(
            list.Count(s => s == RagStatus.Red), list.Count(s => s == RagStatus.Amber),
            list.Count(s => s == RagStatus.Green), list.Count(s => s == RagStatus.Blue));
    }

    public int Total => Red + Amber + Green + Blue;

    public int GreenOrBlue => Green + Blue;

    public int Of(RagStatus status) => status switch
    {
        RagStatus.Red => Red,
        RagStatus.Amber => Amber,
        RagStatus.Green => Green,
        RagStatus.Blue => Blue,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>"N actions: X green or blue, Y amber, Z red", leaving out any count that is zero ("18 actions: 16 green or blue, 2 amber").</summary>
    public string Sentence()
    {
        if (Total == 0)
        {
            return "No actions";
        }

        var parts = new[] { (GreenOrBlue, "green or blue"), (Amber, "amber"), (Red, "red") }
            .Where(p => p.Item1 > 0)
            .Select(p => $"{Number(p.Item1)} {p.Item2}");
        return $"{Number(Total)} {(Total == 1 ? "action" : "actions")}: {string.Join(", ", parts)}";
    }

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
