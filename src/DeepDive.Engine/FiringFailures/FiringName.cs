using System.Globalization;

namespace DeepDive.Engine.FiringFailures;

/// <summary>
/// How a person names a firing: the local date and time it was due in the cycle's zone, e.g. <c>2027-03-01T09:00</c>,
/// which <c>deepdive round retry</c> takes back.
/// </summary>
public static class FiringName
{
    public const string DefaultZone = "Europe/London";

    /// <summary>The firing's name, as the retry command takes it.</summary>
    public static string Of(DateTime scheduledForUtc, string zone) =>
        ToLocal(scheduledForUtc, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The firing's time as people read it, e.g. <c>2027-03-01 09:00</c>.</summary>
    public static string Local(DateTime scheduledForUtc, string zone) =>
        ToLocal(scheduledForUtc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether <paramref name="text"/> names the firing: its firing key, its local date and time (with T or a space,
    /// with or without seconds), or its local date alone.
    /// </summary>
    public static bool Matches(FailedFiring firing, string text, string zone)
    {
        text = text.Trim();
        if (string.Equals(text, firing.FiringKey, StringComparison.Ordinal))
        {
            return true;
        }

        var local = ToLocal(firing.ScheduledForUtc, zone);
        var normalised = text.Replace(' ', 'T');
        return normalised == local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
            || normalised == local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            || normalised == local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static DateTime ToLocal(DateTime scheduledForUtc, string zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(scheduledForUtc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zone));
}
