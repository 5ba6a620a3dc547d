using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>Writes its text to the workflow's log.</summary>
public sealed class Note : StepBody
{
    public string Text { get; set; } = "";

    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ((ScenarioData)context.Workflow.Data).Log.Add(Text);
        return ExecutionResult.Next();
    }
}

/// <summary>Counts one more pass of a loop.</summary>
public sealed class Increment : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        var data = (ScenarioData)context.Workflow.Data;
        data.Counter++;
        data.Log.Add($"pass {data.Counter}");
        return ExecutionResult.Next();
    }
}

/// <summary>Always fails, as a step of a saga that must be compensated.</summary>
public sealed class Fail : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context) =>
        throw new InvalidOperationException("The charge was declined.");
}

/// <summary>Fails on its first two attempts and succeeds on the third; the attempts are counted in the workflow data.</summary>
public sealed class FailTwice : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        var data = (ScenarioData)context.Workflow.Data;
        data.Attempts++;
        if (data.Attempts < 3)
        {
            throw new InvalidOperationException($"Attempt {data.Attempts} failed.");
        }

        data.Log.Add($"succeeded on attempt {data.Attempts}");
        return ExecutionResult.Next();
    }
}
