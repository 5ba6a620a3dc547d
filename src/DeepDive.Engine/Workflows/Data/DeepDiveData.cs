using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Workflows.Data;

/// <summary>The state of one case's deep dive as its workflow carries it.</summary>
public sealed class DeepDiveData : ITenantData
{
    public string PartnershipId { get; set; } = "";
    public string RoundId { get; set; } = "";
    public string DeepDiveId { get; set; } = "";
    public string CaseRef { get; set; } = "";
    public string? FirstDeepDiveId { get; set; }
    public int TaskDeadlineDays { get; set; } = 20;
    public List<TaskRef> Tasks { get; set; } = [];
    public string? OverallGrade { get; set; }
    public bool NeedsWork { get; set; }
}
