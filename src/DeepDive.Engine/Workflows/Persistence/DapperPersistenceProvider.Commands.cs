using Dapper;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Persistence;

public sealed partial class DapperPersistenceProvider
{
    private sealed class CommandRow
    {
        public string CommandName { get; set; } = "";
        public string Data { get; set; } = "";
        public long ExecuteTime { get; set; }
    }

    public async Task ScheduleCommand(ScheduledCommand command)
    {
        if (immediate is not null && await immediate.TryRunNowAsync(command))
        {
            return;
        }
        await database.WriteStatementAsync(ProviderSql.Commands.Schedule(database.Dialect),
            new { command.CommandName, command.Data, command.ExecuteTime }, CancellationToken.None);
    }

    public async Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default)
    {
        // Commands are hints: the instance's next_execution and the event's is_processed are the truth, and
        // the poller schedules again whatever is still due. So the due ones are taken in two statements, not one per row.
        // The write turn is held only while the due ones are taken: an action that writes would wait for it forever.
        List<CommandRow> due;
        await using (var gate = await database.EnterWriteAsync(cancellationToken))
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            due = (await connection.QueryAsync<CommandRow>(new CommandDefinition(ProviderSql.Commands.Due, new { AsOf = asOf.UtcTicks }, cancellationToken: cancellationToken))).ToList();
            if (due.Count == 0)
            {
                return;
            }

            await connection.ExecuteAsync(new CommandDefinition(ProviderSql.Commands.DeleteDue, new { AsOf = due.Max(d => d.ExecuteTime) }, cancellationToken: cancellationToken));
        }

        foreach (var row in due)
        {
            await action(new ScheduledCommand { CommandName = row.CommandName, Data = row.Data, ExecuteTime = row.ExecuteTime });
        }
    }
}
