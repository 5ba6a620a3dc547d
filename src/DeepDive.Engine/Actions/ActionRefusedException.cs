using DeepDive.Domain.Actions;

namespace DeepDive.Engine.Actions;

/// <summary>A change to an action that breaks a rule: every problem, each against the field to correct.</summary>
public sealed class ActionRefusedException(IReadOnlyList<ActionProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems.Select(p => p.Message)))
{
    public IReadOnlyList<ActionProblem> Problems { get; } = problems;
}
