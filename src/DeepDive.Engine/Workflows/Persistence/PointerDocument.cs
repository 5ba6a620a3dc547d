using System.Text.Json;
using System.Text.Json.Nodes;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>
/// An execution pointer as one JSON document; its object-typed members go through the allow-list. The document
/// also holds the pointer's position in its instance: WorkflowCore runs the active pointers of a pass in the
/// order they were added, so they are loaded back in that order.
/// </summary>
internal static class PointerDocument
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(ExecutionPointer p, int position, WorkflowJson json)
    {
        var extensions = new JsonObject();
        foreach (var (key, value) in p.ExtensionAttributes)
        {
            extensions[key] = value is null ? null : json.ToNode(value);
        }

        var doc = new JsonObject
        {
            ["id"] = p.Id,
            ["position"] = position,
            ["stepId"] = p.StepId,
            ["active"] = p.Active,
            ["sleepUntil"] = p.SleepUntil?.Ticks,
            ["persistenceData"] = p.PersistenceData is null ? null : json.ToNode(p.PersistenceData),
            ["startTime"] = p.StartTime?.Ticks,
            ["endTime"] = p.EndTime?.Ticks,
            ["eventName"] = p.EventName,
            ["eventKey"] = p.EventKey,
            ["eventPublished"] = p.EventPublished,
            ["eventData"] = p.EventData is null ? null : json.ToNode(p.EventData),
            ["extensions"] = extensions,
            ["stepName"] = p.StepName,
            ["retryCount"] = p.RetryCount,
            ["children"] = new JsonArray(p.Children.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["contextItem"] = p.ContextItem is null ? null : json.ToNode(p.ContextItem),
            ["predecessorId"] = p.PredecessorId,
            ["outcome"] = p.Outcome is null ? null : json.ToNode(p.Outcome),
            ["status"] = (int)p.Status,
            ["scope"] = new JsonArray(p.Scope.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
        };
        return doc.ToJsonString(Options);
    }

    /// <summary>The pointer and its position; a document written before positions were stored reads as position 0.</summary>
    public static (ExecutionPointer Pointer, int Position) Read(string text, WorkflowJson json)
    {
        var doc = JsonNode.Parse(text)!.AsObject();
        var pointer = new ExecutionPointer
        {
            Id = (string)doc["id"]!,
            StepId = (int)doc["stepId"]!,
            Active = (bool)doc["active"]!,
            SleepUntil = Ticks(doc["sleepUntil"]),
            PersistenceData = json.FromNode(doc["persistenceData"]),
            StartTime = Ticks(doc["startTime"]),
            EndTime = Ticks(doc["endTime"]),
            EventName = (string?)doc["eventName"],
            EventKey = (string?)doc["eventKey"],
            EventPublished = (bool)doc["eventPublished"]!,
            EventData = json.FromNode(doc["eventData"]),
            StepName = (string?)doc["stepName"],
            RetryCount = (int)doc["retryCount"]!,
            Children = doc["children"]!.AsArray().Select(c => (string)c!).ToList(),
            ContextItem = json.FromNode(doc["contextItem"]),
            PredecessorId = (string?)doc["predecessorId"],
            Outcome = json.FromNode(doc["outcome"]),
            Status = (PointerStatus)(int)doc["status"]!,
            Scope = doc["scope"]!.AsArray().Select(s => (string)s!).ToList(),
        };
        foreach (var (key, value) in doc["extensions"]!.AsObject())
        {
            pointer.ExtensionAttributes[key] = json.FromNode(value)!;
        }

        return (pointer, (int?)doc["position"] ?? 0);
    }

    private static DateTime? Ticks(JsonNode? node) =>
        node is null ? null : new DateTime((long)node, DateTimeKind.Utc);
}
