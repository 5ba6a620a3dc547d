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
        // One statement: the same command scheduled again keeps the earlier of the two times.
        var sql = database.Dialect.UpsertKeepingEarliest("wf_scheduled_command", ["command_name", "data"], "execute_time");
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { command.CommandName, command.Data, command.ExecuteTime }));
    }

    public async Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default)
    {
        // Commands are hints: the instance's next_execution and the event's is_processed are the truth, and
        // the poller schedules again whatever is still due. So the due ones are taken in two statements, not one per row.
        const string select = """
            SELECT command_name AS CommandName, data AS Data, execute_time AS ExecuteTime
            FROM wf_scheduled_command WHERE execute_time <= @AsOf ORDER BY execute_time
            """;
        const string delete = "DELETE FROM wf_scheduled_command WHERE execute_time <= @AsOf";
        List<CommandRow> due;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var args = new { AsOf = asOf.UtcTicks };
            due = (await connection.QueryAsync<CommandRow>(new CommandDefinition(select, args, cancellationToken: cancellationToken))).ToList();
            if (due.Count == 0)
            {
                return;
            }

            await connection.ExecuteAsync(new CommandDefinition(delete, new { AsOf = due.Max(d => d.ExecuteTime) }, cancellationToken: cancellationToken));
        }

        foreach (var row in due)
        {
            await action(new ScheduledCommand { CommandName = row.CommandName, Data = row.Data, ExecuteTime = row.ExecuteTime });
        }
    }
}
