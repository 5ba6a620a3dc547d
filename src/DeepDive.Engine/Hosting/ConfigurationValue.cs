using System.Globalization;

namespace DeepDive.Engine.Hosting;

/// <summary>Turns one configuration value into a setting's type, with a reason a manager can act on when it cannot.</summary>
internal static class ConfigurationValue
{
    public static object Convert(string value, Type type)
    {
        if (type == typeof(string))
        {
            return value;
        }

        if (type == typeof(int))
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new FormatException($"'{value}' is not a whole number.");
        }

        if (type == typeof(bool))
        {
            return bool.TryParse(value, out var flag) ? flag : throw new FormatException($"'{value}' is not true or false.");
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span)
                ? span
                : throw new FormatException($"'{value}' is not a duration; write hours:minutes:seconds, e.g. 00:00:02 for two seconds.");
        }

        throw new FormatException($"settings of type {type.Name} are not read from configuration.");
    }
}
