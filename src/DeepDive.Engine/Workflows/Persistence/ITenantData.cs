namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>Workflow data that belongs to a partnership; the instance row is stamped with it.</summary>
public interface ITenantData
{
    string PartnershipId { get; }
}
