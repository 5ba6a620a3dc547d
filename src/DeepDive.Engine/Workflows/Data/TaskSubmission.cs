namespace DeepDive.Engine.Workflows.Data;

/// <summary>A completed audit tool for one task: the data of the task-submitted event.</summary>
public sealed class TaskSubmission
{
    public string TaskId { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public DateTime SubmittedUtc { get; set; }
    public string Grade { get; set; } = "";
    public List<SectionAnswer> Sections { get; set; } = [];
    public List<string> GoodPractice { get; set; } = [];
    public List<string> AreasForDevelopment { get; set; } = [];
    public List<string> Recommendations { get; set; } = [];
    public string? SafeguardingConcern { get; set; }
}

public sealed class SectionAnswer
{
    public string Section { get; set; } = "";
    public string Evidence { get; set; } = "";
    public string? Grade { get; set; }
}
