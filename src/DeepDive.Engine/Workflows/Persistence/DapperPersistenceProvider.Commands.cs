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
        // Keeps the earliest time when the same command is scheduled again.
        var insert = database.Dialect.InsertIfAbsent("wf_scheduled_command", ["command_name", "data"], ["execute_time"]);
        const string earlier = "UPDATE wf_scheduled_command SET execute_time = @ExecuteTime WHERE command_name = @CommandName AND data = @Data AND execute_time > @ExecuteTime";
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var args = new { command.CommandName, command.Data, command.ExecuteTime };
        await connection.ExecuteAsync(new CommandDefinition(insert, args, transaction));
        await connection.ExecuteAsync(new CommandDefinition(earlier, args, transaction));
        await transaction.CommitAsync();
    }

    public async Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT command_name AS CommandName, data AS Data, execute_time AS ExecuteTime
            FROM wf_scheduled_command WHERE execute_time <= @AsOf ORDER BY execute_time
            """;
        const string delete = "DELETE FROM wf_scheduled_command WHERE command_name = @CommandName AND data = @Data AND execute_time = @ExecuteTime";
        await using var connection = await database.OpenAsync(cancellationToken);
        var due = (await connection.QueryAsync<CommandRow>(new CommandDefinition(sql, new { AsOf = asOf.UtcTicks }, cancellationToken: cancellationToken))).ToList();
        foreach (var row in due)
        {
            await action(new ScheduledCommand { CommandName = row.CommandName, Data = row.Data, ExecuteTime = row.ExecuteTime });
            await connection.ExecuteAsync(new CommandDefinition(delete, row, cancellationToken: cancellationToken));
        }
    }
}
