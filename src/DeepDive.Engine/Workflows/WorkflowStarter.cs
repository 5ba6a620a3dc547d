using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows;

/// <summary>Starts workflow instances inside a caller's transaction, so an instance exists exactly when the rows that started it do.</summary>
public sealed class WorkflowStarter(
    IWorkflowRegistry registry,
    IExecutionPointerFactory pointerFactory,
    IPersistenceProvider persistence,
    IQueueProvider queue,
    EventPublisher events,
    TimeProvider clock)
{
    public WorkflowInstance Build(string definitionId, object data, string reference)
    {
        var definition = registry.GetDefinition(definitionId)
            ?? throw new InvalidOperationException($"The workflow definition '{definitionId}' is not loaded.");
        var instance = new WorkflowInstance
        {
            Id = Guid.NewGuid().ToString("N"),
            WorkflowDefinitionId = definition.Id,
            Version = definition.Version,
            Description = definition.Description,
            Data = data,
            NextExecution = 0,
            CreateTime = clock.GetUtcNow().UtcDateTime,
            Status = WorkflowStatus.Runnable,
            Reference = reference,
        };
        instance.ExecutionPointers.Add(pointerFactory.BuildGenesisPointer(definition));
        return instance;
    }

    public DomainWrite Insert(WorkflowInstance instance) =>
        (connection, transaction, ct) => Provider.InsertWorkflow(instance)(connection, transaction, ct);

    /// <summary>A step's event, through <see cref="EventPublisher"/>: written with the step's rows, woken by <see cref="QueueEvent"/> after the commit.</summary>
    public DomainWrite Publish(Event evt) => events.Write(evt);

    public Func<Task> QueueWorkflow(string id) => () => queue.QueueWork(id, QueueType.Workflow);

    public Func<Task> QueueEvent(string id) => events.Wake(id);

    private DapperPersistenceProvider Provider => persistence as DapperPersistenceProvider
        ?? throw new InvalidOperationException("Transactional starts need DeepDive's Dapper persistence provider.");
}
