using System.Text.Json;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>
/// An execution pointer as one JSON document; its object-typed members go through the allow-list. The document
/// also holds the pointer's position in its instance: WorkflowCore runs the active pointers of a pass in the
/// order they were added, so they are loaded back in that order.
/// </summary>
internal static class PointerDocument
{
    public static string Write(ExecutionPointer p, int position, WorkflowJson json) =>
        JsonText.Write((Pointer: p, Position: position, Json: json), static (w, s) => WriteTo(w, s.Pointer, s.Position, s.Json));

    private static void WriteTo(Utf8JsonWriter w, ExecutionPointer p, int position, WorkflowJson json)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteNumber("position", position);
        w.WriteNumber("stepId", p.StepId);
        w.WriteBoolean("active", p.Active);
        WriteTicks(w, "sleepUntil", p.SleepUntil);
        WriteValue(w, "persistenceData", p.PersistenceData, json);
        WriteTicks(w, "startTime", p.StartTime);
        WriteTicks(w, "endTime", p.EndTime);
        w.WriteString("eventName", p.EventName);
        w.WriteString("eventKey", p.EventKey);
        w.WriteBoolean("eventPublished", p.EventPublished);
        WriteValue(w, "eventData", p.EventData, json);
        w.WriteStartObject("extensions");
        foreach (var (key, value) in p.ExtensionAttributes)
        {
            WriteValue(w, key, value, json);
        }

        w.WriteEndObject();
        w.WriteString("stepName", p.StepName);
        w.WriteNumber("retryCount", p.RetryCount);
        WriteStrings(w, "children", p.Children);
        WriteValue(w, "contextItem", p.ContextItem, json);
        w.WriteString("predecessorId", p.PredecessorId);
        WriteValue(w, "outcome", p.Outcome, json);
        w.WriteNumber("status", (int)p.Status);
        WriteStrings(w, "scope", p.Scope);
        w.WriteEndObject();
    }

    /// <summary>The pointer and its position; a document written before positions were stored reads as position 0.</summary>
    public static (ExecutionPointer Pointer, int Position) Read(string text, WorkflowJson json) =>
        JsonText.Read(text, (ref Utf8JsonReader reader) => ReadFrom(ref reader, json));

    private static (ExecutionPointer Pointer, int Position) ReadFrom(ref Utf8JsonReader r, WorkflowJson json)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A stored execution pointer is not a JSON object.");
        }

        var pointer = new ExecutionPointer();
        var position = 0;
        // Member names are matched without making a string of each: a load reads every pointer of its instance.
        Span<char> nameBuffer = stackalloc char[LongestName];
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.ValueSpan.Length <= LongestName ? nameBuffer[..r.CopyString(nameBuffer)] : [];
            r.Read();
            switch (name)
            {
                case "id": pointer.Id = r.GetString(); break;
                case "position": position = r.GetInt32(); break;
                case "stepId": pointer.StepId = r.GetInt32(); break;
                case "active": pointer.Active = r.GetBoolean(); break;
                case "sleepUntil": pointer.SleepUntil = ReadTicks(ref r); break;
                case "persistenceData": pointer.PersistenceData = json.ReadValue(ref r); break;
                case "startTime": pointer.StartTime = ReadTicks(ref r); break;
                case "endTime": pointer.EndTime = ReadTicks(ref r); break;
                case "eventName": pointer.EventName = r.GetString(); break;
                case "eventKey": pointer.EventKey = r.GetString(); break;
                case "eventPublished": pointer.EventPublished = r.GetBoolean(); break;
                case "eventData": pointer.EventData = json.ReadValue(ref r); break;
                case "extensions": ReadExtensions(ref r, pointer, json); break;
                case "stepName": pointer.StepName = r.GetString(); break;
                case "retryCount": pointer.RetryCount = r.GetInt32(); break;
                case "children": pointer.Children = ReadStrings(ref r); break;
                case "contextItem": pointer.ContextItem = json.ReadValue(ref r); break;
                case "predecessorId": pointer.PredecessorId = r.GetString(); break;
                case "outcome": pointer.Outcome = json.ReadValue(ref r); break;
                case "status": pointer.Status = (PointerStatus)r.GetInt32(); break;
                case "scope": pointer.Scope = ReadStrings(ref r); break;
                default: r.Skip(); break;
            }
        }

        if (string.IsNullOrEmpty(pointer.Id))
        {
            throw new JsonException("A stored execution pointer has no id.");
        }

        return (pointer, position);
    }

    /// <summary>The longest member name a pointer document has; a longer one is not ours and is skipped.</summary>
    private const int LongestName = 16;

    private static void WriteTicks(Utf8JsonWriter w, string name, DateTime? time)
    {
        if (time is { } t)
        {
            w.WriteNumber(name, t.Ticks);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static DateTime? ReadTicks(ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.Null ? null : new DateTime(r.GetInt64(), DateTimeKind.Utc);

    private static void WriteValue(Utf8JsonWriter w, string name, object? value, WorkflowJson json)
    {
        if (value is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WritePropertyName(name);
        json.WriteValue(w, value);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static List<string> ReadStrings(ref Utf8JsonReader r)
    {
        var values = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            values.Add(r.GetString()!);
        }

        return values;
    }

    private static void ReadExtensions(ref Utf8JsonReader r, ExecutionPointer pointer, WorkflowJson json)
    {
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.GetString()!;
            r.Read();
            pointer.ExtensionAttributes[key] = json.ReadValue(ref r)!;
        }
    }
}
