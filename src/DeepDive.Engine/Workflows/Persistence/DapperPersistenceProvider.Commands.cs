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
        var insert = ProviderSql.Commands.InsertIfAbsent(database.Dialect);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var args = new { command.CommandName, command.Data, command.ExecuteTime };
        await connection.ExecuteAsync(new CommandDefinition(insert, args, transaction));
        await connection.ExecuteAsync(new CommandDefinition(ProviderSql.Commands.MoveEarlier, args, transaction));
        await transaction.CommitAsync();
    }

    public async Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var due = (await connection.QueryAsync<CommandRow>(new CommandDefinition(ProviderSql.Commands.Due, new { AsOf = asOf.UtcTicks }, cancellationToken: cancellationToken))).ToList();
        foreach (var row in due)
        {
            await action(new ScheduledCommand { CommandName = row.CommandName, Data = row.Data, ExecuteTime = row.ExecuteTime });
            await connection.ExecuteAsync(new CommandDefinition(ProviderSql.Commands.Delete, row, cancellationToken: cancellationToken));
        }
    }
}
