using System.Data.Common;
using Dapper;
using DeepDive.Domain.Rounds;

namespace DeepDive.Engine.Rounds;

/// <summary>The round's own row as its workflow moves it on, always in the step's transaction.</summary>
public sealed partial class RoundStore
{
    /// <summary>Stores a draw made by the workflow (a round opened before draws were stored with it), locked as drawn.</summary>
    public static Task RecordDrawAsync(DbConnection connection, DbTransaction transaction, string roundId, string note, string samplingJson,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE audit_round SET note = @Note, status = @Status, sampling_json = @Record, locked_by = @By, locked_utc = started_utc WHERE round_id = @RoundId",
            new { Note = note, Status = RoundStatus.SampleLocked, Record = samplingJson, By = SampleList.AutoLockedBy, RoundId = roundId },
            transaction, cancellationToken: cancellationToken));

    /// <summary>A draw that failed: the round goes on with no cases, its note saying why.</summary>
    public static Task RecordDrawFailedAsync(DbConnection connection, DbTransaction transaction, string roundId, string note, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE audit_round SET note = @Note, status = @Status WHERE round_id = @RoundId",
            new { Note = note, Status = RoundStatus.SampleLocked, RoundId = roundId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Its deep dives have started.</summary>
    public static Task MarkInProgressAsync(DbConnection connection, DbTransaction transaction, string roundId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE audit_round SET status = @Status WHERE round_id = @RoundId",
            new { Status = RoundStatus.InProgress, RoundId = roundId }, transaction, cancellationToken: cancellationToken));

    public static Task CloseAsync(DbConnection connection, DbTransaction transaction, string roundId, DateTime closedUtc, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE audit_round SET status = @Status, closed_utc = @Now WHERE round_id = @RoundId",
            new { Status = RoundStatus.Closed, Now = closedUtc, RoundId = roundId }, transaction, cancellationToken: cancellationToken));
}
