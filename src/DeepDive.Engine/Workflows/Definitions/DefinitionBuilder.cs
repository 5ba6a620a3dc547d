using System.Text.Json.Nodes;
using DeepDive.Engine.Workflows.Steps;
using WorkflowCore.Models;
using WorkflowCore.Primitives;

namespace DeepDive.Engine.Workflows.Definitions;

/// <summary>Maps one schema-valid definition document onto WorkflowCore steps, collecting vocabulary errors with their paths.</summary>
internal sealed class DefinitionBuilder(string file)
{
    private readonly WorkflowDefinition definition = new();

    public List<DefinitionError> Errors { get; } = [];

    public WorkflowDefinition Build(JsonObject document)
    {
        definition.Id = (string)document["id"]!;
        definition.Version = (int)document["version"]!;
        definition.Description = (string?)document["description"];
        var dataName = (string)document["data"]!;
        if (!StepVocabulary.DataTypes.TryGetValue(dataName, out var dataType))
        {
            Error("$.data", $"unknown data '{dataName}'; known: {string.Join(", ", StepVocabulary.DataTypes.Keys)}");
            return definition;
        }

        definition.DataType = dataType;
        definition.DefaultErrorBehavior = WorkflowErrorHandling.Retry;
        definition.DefaultErrorRetryInterval = TimeSpan.FromMinutes(5);
        Sequence(document["steps"]!.AsArray(), "$.steps");
        return definition;
    }

    /// <summary>Adds the steps of a list, chained one after another; returns the first step's id, or null for an empty list.</summary>
    private int? Sequence(JsonArray items, string path)
    {
        int? first = null;
        WorkflowStep? previous = null;
        for (var i = 0; i < items.Count; i++)
        {
            var step = Step(items[i]!.AsObject(), $"{path}[{i}]");
            if (step is null)
            {
                continue;
            }

            first ??= step.Id;
            previous?.Outcomes.Add(new ValueOutcome { NextStep = step.Id });
            previous = step;
        }

        return first;
    }

    private WorkflowStep? Step(JsonObject item, string path)
    {
        var kind = (string)item["step"]!;
        var label = (string?)item["name"] ?? kind;
        switch (kind)
        {
            case "sequence":
                return Container(new WorkflowStep<Sequence>(), label, item, "do", path);
            case "if":
            {
                var condition = Lookup(StepVocabulary.Conditions, item, "condition", path);
                var step = Container(new WorkflowStep<If>(), label, item, "then", path);
                step.Inputs.Add(new ActionParameter<If, object>((body, data) => body.Condition = condition?.Invoke(data) ?? false));
                return step;
            }

            case "while":
            {
                var condition = Lookup(StepVocabulary.Conditions, item, "condition", path);
                var step = Container(new WorkflowStep<While>(), label, item, "do", path);
                step.Inputs.Add(new ActionParameter<While, object>((body, data) => body.Condition = condition?.Invoke(data) ?? false));
                return step;
            }

            case "for-each":
            {
                var collection = Lookup(StepVocabulary.Collections, item, "collection", path);
                var parallel = (bool?)item["parallel"] ?? true;
                var step = Container(new WorkflowStep<Foreach>(), label, item, "do", path);
                step.Inputs.Add(new ActionParameter<Foreach, object>((body, data) =>
                {
                    body.Collection = collection?.Invoke(data) ?? Array.Empty<object>();
                    body.RunParallel = parallel;
                }));
                return step;
            }

            case "parallel":
            {
                var step = Add(new WorkflowStep<Sequence>(), label);
                var branches = item["branches"]!.AsArray();
                for (var b = 0; b < branches.Count; b++)
                {
                    var branch = Add(new WorkflowStep<Sequence>(), $"{label} branch {b + 1}");
                    if (Sequence(branches[b]!.AsArray(), $"{path}.branches[{b}]") is { } first)
                    {
                        branch.Children.Add(first);
                    }

                    step.Children.Add(branch.Id);
                }

                return step;
            }

            case "wait-for-event":
            {
                var eventName = (string)item["event"]!;
                var key = Lookup(StepVocabulary.EventKeys, item, "key", path);
                var step = Add(new WorkflowStep<WaitFor>(), label);
                step.Inputs.Add(new ActionParameter<WaitFor, object>((body, data, context) =>
                {
                    body.EventName = eventName;
                    body.EventKey = key?.Invoke(data, context) ?? "";
                    body.EffectiveDate = DateTime.MinValue;
                }));
                return step;
            }

            case "human-task":
            {
                var eventName = (string?)item["event"] ?? Data.WorkflowEvents.TaskSubmitted;
                var key = Lookup(StepVocabulary.EventKeys, item, "key", path);
                var step = Add(new WorkflowStep<HumanTaskStep>(), label);
                step.Inputs.Add(new ActionParameter<HumanTaskStep, object>((body, data, context) =>
                {
                    body.EventName = eventName;
                    body.EventKey = key?.Invoke(data, context) ?? "";
                }));
                return step;
            }

            default:
                if (StepVocabulary.DomainSteps.TryGetValue(kind, out var bodyType))
                {
                    var step = (WorkflowStep)Activator.CreateInstance(typeof(WorkflowStep<>).MakeGenericType(bodyType))!;
                    return Add(step, label);
                }

                Error($"{path}.step", $"unknown step '{kind}'; known: {string.Join(", ", Known())}");
                return null;
        }
    }

    private static IEnumerable<string> Known() =>
        new[] { "sequence", "if", "while", "for-each", "parallel", "wait-for-event", "human-task" }.Concat(StepVocabulary.DomainSteps.Keys);

    private WorkflowStep Container(WorkflowStep step, string label, JsonObject item, string childrenProperty, string path)
    {
        Add(step, label);
        if (Sequence(item[childrenProperty]!.AsArray(), $"{path}.{childrenProperty}") is { } first)
        {
            step.Children.Add(first);
        }

        return step;
    }

    private WorkflowStep Add(WorkflowStep step, string label)
    {
        step.Id = definition.Steps.Count;
        step.Name = label;
        step.ExternalId = $"{label}#{step.Id}";
        definition.Steps.Add(step);
        return step;
    }

    private T? Lookup<T>(IReadOnlyDictionary<string, T> names, JsonObject item, string property, string path)
        where T : class
    {
        var name = (string?)item[property];
        if (name is not null && names.TryGetValue(name, out var found))
        {
            return found;
        }

        Error($"{path}.{property}", $"unknown {property} '{name}'; known: {string.Join(", ", names.Keys)}");
        return null;
    }

    private void Error(string path, string reason) => Errors.Add(new DefinitionError(file, path, reason));
}
