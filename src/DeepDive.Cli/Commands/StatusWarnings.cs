using DeepDive.Engine.Storage;

namespace DeepDive.Cli.Commands;

/// <summary>Warnings that <c>deepdive status</c> reports beside the engine's state.</summary>
internal static class StatusWarnings
{
    public static Task<IReadOnlyList<string>> ReadAsync(Database database, CancellationToken cancellationToken)
    {
        _ = database;
        _ = cancellationToken;
        // The bank-holiday file's coverage joins here once the calendar knows the last year it covers.
        return Task.FromResult<IReadOnlyList<string>>([]);
    }
}
