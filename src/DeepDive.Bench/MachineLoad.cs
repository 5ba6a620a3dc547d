using System.Globalization;

namespace DeepDive.Bench;

/// <summary>How busy the machine is: other work shows in every bench figure, so the reports say it.</summary>
internal static class MachineLoad
{
    /// <summary>The one-minute load average, or null where the system does not give it.</summary>
    public static double? OneMinute()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
