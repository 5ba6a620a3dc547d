using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>
/// Serialises workflow data, event data and step state with System.Text.Json. Each value is written with
/// the name of its type, and only types on the allow-list are read back: a payload naming any other type
/// is refused, so stored data can never make the process instantiate a type of its choosing.
/// </summary>
public sealed class WorkflowJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    private const string TypeProperty = "$type";
    private const string ValueProperty = "value";
    private readonly Dictionary<string, Type> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> byType = [];

    /// <summary><see cref="byName"/> looked up by the characters of a name, so reading a value makes no string of its type name.</summary>
    private readonly Dictionary<string, Type>.AlternateLookup<ReadOnlySpan<char>> byNameChars;

    /// <summary>Type names longer than this are not looked up without a string (none on the allow-list is near it).</summary>
    private const int LongestLookedUpName = 256;

    public WorkflowJson(IEnumerable<Type> allowed)
    {
        foreach (var type in BuiltIn.Concat(allowed).Distinct())
        {
            var name = type.FullName ?? type.Name;
            byName[name] = type;
            byType[type] = name;
        }

        byNameChars = byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static readonly Type[] BuiltIn =
    [
        typeof(string), typeof(int), typeof(long), typeof(bool), typeof(double), typeof(decimal), typeof(DateTime),
        typeof(Guid), typeof(List<string>),
        typeof(WorkflowCore.Models.ControlPersistenceData), typeof(WorkflowCore.Models.IteratorPersistenceData),
        typeof(WorkflowCore.Models.SchedulePersistenceData), typeof(WorkflowCore.Models.ActivityResult),
    ];

    public IReadOnlyCollection<Type> AllowedTypes => byType.Keys;

    public string? Write(object? value) =>
        value is null ? null : JsonText.Write((Json: this, Value: value), static (writer, s) => s.Json.WriteValue(writer, s.Value));

    public object? Read(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonText.Read(json, ReadValue);

    /// <summary>Writes <paramref name="value"/> as <c>{"$type": name, "value": ...}</c>, refusing a type not on the allow-list.</summary>
    internal void WriteValue(Utf8JsonWriter writer, object value)
    {
        var type = value.GetType();
        if (!byType.TryGetValue(type, out var name))
        {
            throw new WorkflowDataRefusedException($"The type '{type.FullName}' is not on the workflow data allow-list; register it before storing it.");
        }

        writer.WriteStartObject();
        writer.WriteString(TypeProperty, name);
        writer.WritePropertyName(ValueProperty);
        JsonSerializer.Serialize(writer, value, type, Options);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads a value written by <see cref="WriteValue"/>; the reader is on its first token and is left on its last. The type
    /// name comes first in what DeepDive writes, so the value is read as it streams by; a document with its members in
    /// another order is read through a document tree instead.
    /// </summary>
    internal object? ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var start = reader;
        if (reader.TokenType == JsonTokenType.StartObject
            && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(TypeProperty)
            && reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            var type = AllowedType(ref reader);
            if (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(ValueProperty) && reader.Read())
            {
                var value = JsonSerializer.Deserialize(ref reader, type, Options);
                if (reader.Read() && reader.TokenType == JsonTokenType.EndObject)
                {
                    return value;
                }
            }
        }

        reader = start;
        return FromNode(JsonNode.Parse(ref reader));
    }

    /// <summary>The allowed type the string token under <paramref name="reader"/> names.</summary>
    private Type AllowedType(ref Utf8JsonReader reader)
    {
        Span<char> name = stackalloc char[LongestLookedUpName];
        return reader.ValueSpan.Length <= LongestLookedUpName && byNameChars.TryGetValue(name[..reader.CopyString(name)], out var type)
            ? type
            : AllowedType(reader.GetString()!);
    }

    private Type AllowedType(string name) =>
        byName.TryGetValue(name, out var type)
            ? type
            : throw new WorkflowDataRefusedException($"Stored workflow data names the type '{name}', which is not on the allow-list; it is refused.");

    /// <summary>Reads a value from a document tree, whatever the order of its members.</summary>
    private object? FromNode(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject obj || obj[TypeProperty] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var name))
        {
            throw new WorkflowDataRefusedException("Stored workflow data has no type name; it was not written by DeepDive.");
        }

        return obj[ValueProperty].Deserialize(AllowedType(name), Options);
    }
}

public sealed class WorkflowDataRefusedException(string message) : Exception(message);
