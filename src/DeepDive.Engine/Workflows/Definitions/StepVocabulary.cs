using System.Collections;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Steps;
using WorkflowCore.Interface;

namespace DeepDive.Engine.Workflows.Definitions;

/// <summary>
/// The names a workflow definition may use: domain steps, and the conditions, collections and event keys
/// the control steps read from workflow data. Definitions name these; they never contain code.
/// </summary>
public static class StepVocabulary
{
    public static readonly IReadOnlyDictionary<string, Type> DataTypes = new Dictionary<string, Type>
    {
        ["audit-round"] = typeof(AuditRoundData),
        ["deep-dive"] = typeof(DeepDiveData),
    };

    public static readonly IReadOnlyDictionary<string, Type> DomainSteps = new Dictionary<string, Type>
    {
        ["draw-sample"] = typeof(DrawSampleStep),
        ["select-re-audit-cases"] = typeof(SelectReAuditCasesStep),
        ["assign-auditors"] = typeof(AssignAuditorsStep),
        ["start-deep-dives"] = typeof(StartDeepDivesStep),
        ["summarise-round"] = typeof(SummariseRoundStep),
        ["schedule-re-audit"] = typeof(ScheduleReAuditStep),
        ["compare-re-audits"] = typeof(CompareReAuditsStep),
        ["close-round"] = typeof(CloseRoundStep),
        ["open-agency-tasks"] = typeof(OpenAgencyTasksStep),
        ["human-task"] = typeof(HumanTaskStep),
        ["grade"] = typeof(GradeStep),
        ["close-deep-dive"] = typeof(CloseDeepDiveStep),
    };

    public static readonly IReadOnlyDictionary<string, Func<object, bool>> Conditions = new Dictionary<string, Func<object, bool>>
    {
        ["round-needs-work"] = d => d is AuditRoundData r && r.NeedsWorkCount > 0 && r.Kind != RoundKinds.ReAudit,
        ["round-has-cases"] = d => d is AuditRoundData r && r.Cases.Count > 0,
        ["finding-needs-work"] = d => d is DeepDiveData x && x.NeedsWork,
    };

    public static readonly IReadOnlyDictionary<string, Func<object, IEnumerable>> Collections = new Dictionary<string, Func<object, IEnumerable>>
    {
        ["deep-dives"] = d => ((AuditRoundData)d).DeepDiveIds,
        ["tasks"] = d => ((DeepDiveData)d).Tasks,
    };

    public static readonly IReadOnlyDictionary<string, Func<object, IStepExecutionContext, string>> EventKeys =
        new Dictionary<string, Func<object, IStepExecutionContext, string>>
        {
            ["item"] = (_, context) => context.Item switch
            {
                string s => s,
                TaskRef t => t.TaskId,
                _ => throw new InvalidOperationException("The current item has no event key."),
            },
        };
}
