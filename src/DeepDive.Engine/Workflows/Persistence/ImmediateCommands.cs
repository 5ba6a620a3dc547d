using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>
/// A command that is already due goes straight onto this process's queue instead of into the table. The
/// poller schedules every runnable instance and event on each poll; storing those only to read them back a
/// moment later was most of SQLite's write load. Commands for later are stored, so timers stay durable, and
/// an instance or event that is due stays due in its own table until it is processed, whatever happens here.
/// </summary>
public sealed class ImmediateCommands(IQueueProvider queue, IDateTimeProvider clock)
{
    public async Task<bool> TryRunNowAsync(ScheduledCommand command)
    {
        if (command.ExecuteTime > clock.UtcNow.Ticks)
        {
            return false;
        }

        var kind = command.CommandName switch
        {
            ScheduledCommand.ProcessWorkflow => QueueType.Workflow,
            ScheduledCommand.ProcessEvent => QueueType.Event,
            _ => (QueueType?)null,
        };
        if (kind is null)
        {
            return false;
        }

        await queue.QueueWork(command.Data, kind.Value);
        return true;
    }
}
