using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>The scenario workflows, written with WorkflowCore's fluent builder.</summary>
internal static class ScenarioWorkflows
{
    public static void RegisterAll(IWorkflowHost host)
    {
        host.RegisterWorkflow<HumanTaskWorkflow, ScenarioData>();
        host.RegisterWorkflow<DelayWorkflow, ScenarioData>();
        host.RegisterWorkflow<IfWorkflow, ScenarioData>();
        host.RegisterWorkflow<WhileWorkflow, ScenarioData>();
        host.RegisterWorkflow<ForEachWorkflow, ScenarioData>();
        host.RegisterWorkflow<ParallelWorkflow, ScenarioData>();
        host.RegisterWorkflow<SagaWorkflow, ScenarioData>();
        host.RegisterWorkflow<RetryWorkflow, ScenarioData>();
    }

    public static IStepBuilder<ScenarioData, Note> StartWithNote(this IWorkflowBuilder<ScenarioData> builder, string text) =>
        builder.StartWith<Note>(s => s.Input(n => n.Text, _ => text));

    public static IStepBuilder<ScenarioData, Note> ThenNote<TStep>(this IStepBuilder<ScenarioData, TStep> builder, string text)
        where TStep : IStepBody =>
        builder.Then<Note>(s => s.Input(n => n.Text, _ => text));
}

/// <summary>A human task: asks, waits for the answer as an event keyed by the data, records it.</summary>
public sealed class HumanTaskWorkflow : IWorkflow<ScenarioData>
{
    public string Id => "scenario-human-task";
    public int Version => 1;

    public void Build(IWorkflowBuilder<ScenarioData> builder) => builder
        .StartWithNote("asked")
        .WaitFor("approval", d => d.Key).Output(d => d.Answer, s => s.EventData)
        .ThenNote("answered");
}

public sealed class DelayWorkflow : IWorkflow<ScenarioData>
{
    public string Id => "scenario-delay";
    public int Version => 1;

    public void Build(IWorkflowBuilder<ScenarioData> builder) => builder
        .StartWithNote("before")
        .Delay(d => TimeSpan.FromMilliseconds(d.Value))
        .ThenNote("after");
}

public sealed class IfWorkflow : IWorkflow<ScenarioData>
{
    public string Id => "scenario-if";
    public int Version => 1;

    public void Build(IWorkflowBuilder<ScenarioData> builder) => builder
        .StartWithNote("start")
        .If(d => d.Value > 5).Do(then => then.StartWithNote("big"))
        .ThenNote("end");
}

public sealed class WhileWorkflow : IWorkflow<ScenarioData>
{
    public string Id => "scenario-while";
    public int Version => 1;

    public void Build(IWorkflowBuilder<ScenarioData> builder) => builder
        .StartWithNote("start")
        .While(d => d.Counter < 5).Do(loop => loop.StartWith<Increment>())
        .ThenNote("done");
}

public sealed class ForEachWorkflow : IWorkflow<ScenarioData>
{
    public string Id => "scenario-for-each";
    public int Version => 1;

    public void Build(IWorkflowBuilder<ScenarioData> builder) => builder
        .StartWithNote("start")
        .ForEach(d => d.Items, d => true).Do(each => each
            .StartWith<Note>(s => s.Input(n => n.Text, (d, context) => "saw " + context.Item)))
        .ThenNote("done");
}

public sealed class ParallelWorkflow : IWorkflow<ScenarioData>
{
    public string Id => "scenario-parallel";
    public int Version => 1;

    public void Build(IWorkflowBuilder<ScenarioData> builder) => builder
        .StartWithNote("start")
        .Parallel()
            .Do(branch => branch.StartWithNote("left").ThenNote("left again"))
            .Do(branch => branch.StartWithNote("right"))
        .Join()
        .ThenNote("joined");
}

/// <summary>A saga whose second step fails: the steps done so far are compensated, then the workflow goes on.</summary>
public sealed class SagaWorkflow : IWorkflow<ScenarioData>
{
    public string Id => "scenario-saga";
    public int Version => 1;

    public void Build(IWorkflowBuilder<ScenarioData> builder) => builder
        .StartWithNote("start")
        .Saga(saga => saga
            .StartWithNote("reserve").CompensateWith<Note>(s => s.Input(n => n.Text, _ => "undo reserve"))
            .Then<Fail>().CompensateWith<Note>(s => s.Input(n => n.Text, _ => "undo charge"))
            .ThenNote("never"))
        // Without compensation on the container itself, the steps after a failed saga never run (DESIGN.md).
        .CompensateWith<Note>(s => s.Input(n => n.Text, _ => "saga compensated"))
        .ThenNote("after");
}

public sealed class RetryWorkflow : IWorkflow<ScenarioData>
{
    public string Id => "scenario-retry";
    public int Version => 1;

    public void Build(IWorkflowBuilder<ScenarioData> builder) => builder
        .StartWithNote("start")
        .Then<FailTwice>().OnError(WorkflowErrorHandling.Retry, TimeSpan.FromMilliseconds(100))
        .ThenNote("done");
}
