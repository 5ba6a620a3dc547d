using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace DeepDive.Engine.Hosting;

/// <summary>
/// Binds a configuration section onto a settings record, property by property, nested sections included. Unlike the
/// general binder it reports, for each key, what is wrong in words a manager can act on: a value that does not
/// convert, or a key that is not a setting at all (a typo would otherwise be ignored without a word).
/// </summary>
internal static class SectionBinder
{
    public static T Bind<T>(IConfigurationSection section, T target, List<SettingsProblem> problems) where T : class =>
        (T)Bind(section, (object)target, problems);

    private static object Bind(IConfigurationSection section, object target, List<SettingsProblem> problems)
    {
        var properties = target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                problems.Add(new(child.Path, $"is not a setting; the settings here are {string.Join(", ", properties.Select(p => p.Name))}."));
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsClass && type != typeof(string))
            {
                // A section not set before (e.g. Smtp) starts from a fresh record with its declared defaults.
                var nested = property.GetValue(target) ?? Activator.CreateInstance(type)!;
                property.SetValue(target, Bind(child, nested, problems));
                continue;
            }

            if (child.Value is null)
            {
                continue;
            }

            try
            {
                property.SetValue(target, ConfigurationValue.Convert(child.Value, type));
            }
            catch (FormatException e)
            {
                problems.Add(new(child.Path, e.Message));
            }
        }

        return target;
    }
}
