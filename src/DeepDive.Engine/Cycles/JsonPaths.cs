using System.Text.Json;
using System.Text.RegularExpressions;

namespace DeepDive.Engine.Cycles;

/// <summary>Turns JSON pointers (<c>/schedule/months/0</c>) into the paths people read (<c>$.schedule.months[0]</c>).</summary>
internal static partial class JsonPaths
{
    public const string Root = "$";

    public static IReadOnlyList<string> Segments(string pointer) =>
        string.IsNullOrEmpty(pointer) || pointer == "#"
            ? []
            : pointer.TrimStart('#')[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();

    /// <summary>The path of the value the segments lead to; the document says which segments are array indexes.</summary>
    public static string FromSegments(IReadOnlyList<string> segments, JsonElement root)
    {
        var path = Root;
        var current = (JsonElement?)root;
        foreach (var segment in segments)
        {
            if (current is { ValueKind: JsonValueKind.Array } array && int.TryParse(segment, out var index))
            {
                path = Index(path, index);
                current = index < array.GetArrayLength() ? array[index] : null;
            }
            else
            {
                path = Property(path, segment);
                current = current is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(segment, out var child) ? child : null;
            }
        }

        return path;
    }

    public static string Property(string parent, string name) =>
        PlainName().IsMatch(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static JsonElement? Find(JsonElement root, IReadOnlyList<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Every path in the document in reading order, so problems can be listed top to bottom.</summary>
    public static Dictionary<string, int> ReadingOrder(JsonElement root)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        Visit(root, Root);
        return order;

        void Visit(JsonElement element, string path)
        {
            order.TryAdd(path, order.Count);
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    Visit(property.Value, Property(path, property.Name));
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, Index(path, i++));
                }
            }
        }
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainName();
}
