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
    private readonly Dictionary<string, Type> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> byType = [];

    public WorkflowJson(IEnumerable<Type> allowed)
    {
        foreach (var type in BuiltIn.Concat(allowed).Distinct())
        {
            var name = type.FullName ?? type.Name;
            byName[name] = type;
            byType[type] = name;
        }
    }

    private static readonly Type[] BuiltIn =
    [
        typeof(string), typeof(int), typeof(long), typeof(bool), typeof(double), typeof(decimal), typeof(DateTime),
        typeof(Guid), typeof(List<string>),
        typeof(WorkflowCore.Models.ControlPersistenceData), typeof(WorkflowCore.Models.IteratorPersistenceData),
        typeof(WorkflowCore.Models.SchedulePersistenceData), typeof(WorkflowCore.Models.ActivityResult),
    ];

    public IReadOnlyCollection<Type> AllowedTypes => byType.Keys;

    public string? Write(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var node = ToNode(value);
        return node.ToJsonString(Options);
    }

    public object? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        return FromNode(JsonNode.Parse(json));
    }

    public JsonNode ToNode(object value)
    {
        var type = value.GetType();
        if (!byType.TryGetValue(type, out var name))
        {
            throw new WorkflowDataRefusedException($"The type '{type.FullName}' is not on the workflow data allow-list; register it before storing it.");
        }

        return new JsonObject { ["$type"] = name, ["value"] = JsonSerializer.SerializeToNode(value, type, Options) };
    }

    public object? FromNode(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject obj || obj["$type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var name))
        {
            throw new WorkflowDataRefusedException("Stored workflow data has no type name; it was not written by DeepDive.");
        }

        if (!byName.TryGetValue(name, out var type))
        {
            throw new WorkflowDataRefusedException($"Stored workflow data names the type '{name}', which is not on the allow-list; it is refused.");
        }

        return obj["value"].Deserialize(type, Options);
    }
}

public sealed class WorkflowDataRefusedException(string message) : Exception(message);
