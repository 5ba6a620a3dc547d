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
    public int TaskDeadlineWorkingDays { get; set; } = 15;

    /// <summary>Whether school holidays, like weekends and bank holidays, do not count towards the deadline.</summary>
    public bool DeadlineSkipsSchoolHolidays { get; set; }

    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>The cycle's chasing rules: when the engine must next look at this deep dive's tasks.</summary>
    public Domain.Notifications.ChasePolicy Chase { get; set; } = new();
    public List<TaskRef> Tasks { get; set; } = [];
    public string? OverallGrade { get; set; }
    public bool NeedsWork { get; set; }
}
