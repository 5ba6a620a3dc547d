using DeepDive.Engine.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Services;

namespace DeepDive.Engine.Workflows.Execution;

/// <summary>
/// Runs a workflow's steps one after another in one turn of WorkflowCore's workflow consumer, for as long as the next
/// step can run at once. WorkflowCore's executor runs each ready step once and returns; the consumer then persists the
/// instance, queues it again, loads it again and runs the step that follows. Here the steps that are ready at once run
/// in the same turn, under the same lock, and are persisted together when the turn ends: control steps (sequence, if,
/// while, for-each, parallel and their joins), a wait's completion, and steps that change only the workflow's data.
/// A crash before that commit leaves the stored instance where the turn began, and those steps run again.
/// </summary>
/// <remarks>
/// The turn ends when the workflow waits (for an event, a delay or a retry), finishes, is suspended or terminated;
/// when a step wrote domain rows or left work for after the commit (<see cref="StepWrites"/>), so they commit with
/// the step, as before, and the next step reads them committed; when a step fails, so its error is stored at once;
/// when the host is stopping; or after <see cref="MaxPasses"/> passes, so a loop that never waits is still persisted
/// now and then and other workflows get their turn. A later pass that throws ends the turn too, without the exception:
/// the passes before it are persisted with the subscriptions they made (WorkflowCore persists an instance whose
/// executor threw without any), and the next turn runs that pass again, where WorkflowCore meets the error its own way.
/// </remarks>
public sealed class ChainedStepsExecutor(IWorkflowExecutor inner, IDateTimeProvider clock, ILogger logger, StepWrites? stepWrites = null) : IWorkflowExecutor
{
    /// <summary>The most passes of WorkflowCore's executor in one turn.</summary>
    public const int MaxPasses = 16;

    public async Task<WorkflowExecutorResult> Execute(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        var result = await inner.Execute(workflow, cancellationToken);
        for (var pass = 1; pass < MaxPasses && CanGoOn(workflow, result, cancellationToken); pass++)
        {
            WorkflowExecutorResult next;
            try
            {
                next = await inner.Execute(workflow, cancellationToken);
            }
            catch (Exception e)
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Workflow {WorkflowId} failed in pass {Pass} of a turn; the turn ends and the next one runs that pass again", workflow.Id, pass + 1);
                }

                break;
            }

            result.Subscriptions.AddRange(next.Subscriptions);
            result.Errors.AddRange(next.Errors);
        }

        return result;
    }

    private bool CanGoOn(WorkflowInstance workflow, WorkflowExecutorResult result, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && workflow.Status == WorkflowStatus.Runnable
        && result.Errors.Count == 0
        && stepWrites?.HasPending(workflow.Id) != true
        && workflow.NextExecution is { } next
        && next <= clock.UtcNow.Ticks;
}

public static class ChainedStepsRegistration
{
    /// <summary>Puts <see cref="ChainedStepsExecutor"/> around WorkflowCore's executor; call after <c>AddWorkflow</c>.</summary>
    public static IServiceCollection AddChainedSteps(this IServiceCollection services)
    {
        services.RemoveAll<IWorkflowExecutor>();
        services.AddTransient<IWorkflowExecutor>(sp => new ChainedStepsExecutor(
            ActivatorUtilities.CreateInstance<WorkflowExecutor>(sp), sp.GetRequiredService<IDateTimeProvider>(),
            sp.GetRequiredService<ILogger<ChainedStepsExecutor>>(), sp.GetService<StepWrites>()));
        return services;
    }
}
