using System.Data.Common;
using Dapper;
using DeepDive.Engine.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace DeepDive.Bench;

/// <summary>
/// Bulk-loads <see cref="SamplingBenchRegister"/> into an empty migrated database, as fast as each database takes rows:
/// on SQLite one prepared insert run for every case in one transaction, on PostgreSQL a binary COPY. The prior rounds
/// and their deep dives go in after the cases.
/// </summary>
internal static class SamplingBenchLoader
{
    private static readonly string[] CaseColumns =
        ["partnership_id", "case_ref", "agency", "case_type", "team", "worker", "school", "opened_on", "closed_on", "involved_agencies", "updated_utc"];

    private static readonly string[] DeepDiveColumns = ["partnership_id", "deep_dive_id", "round_id", "case_ref", "status", "needs_work", "opened_utc", "closed_utc"];

    /// <summary>Loads <paramref name="count"/> cases and the prior audits of some; returns how many deep dives were written.</summary>
    public static async Task<int> LoadAsync(Database database, int count, int seed, CancellationToken cancellationToken)
    {
        var audited = new List<(string CaseRef, int Round)>();
        var cases = SamplingBenchRegister.Generate(count, seed).Select(c =>
        {
            if (SamplingBenchRegister.PriorRoundOf(c.Index) is { } round)
            {
                audited.Add((c.CaseRef, round));
            }

            return c;
        });

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.InsertIfAbsent("partnership", ["id"], ["name", "created_utc"]),
            new { Id = SamplingBenchRegister.PartnershipId, Name = "Sampling bench partnership", CreatedUtc = SamplingBenchRegister.LoadedUtc },
            cancellationToken: cancellationToken));
        switch (connection)
        {
            case SqliteConnection sqlite:
                await InsertCasesAsync(sqlite, cases, cancellationToken);
                break;
            case NpgsqlConnection postgres:
                await CopyCasesAsync(postgres, cases, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"The sampling bench loads SQLite and PostgreSQL only, not {database.Dialect.Kind}.");
        }

        await InsertPriorAuditsAsync(connection, audited, cancellationToken);
        if (connection is SqliteConnection)
        {
            // Copies the load out of the write-ahead log into the database file and empties the log, as the
            // automatic checkpoints of a database in daily use would have.
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
        }
        else
        {
            // What autovacuum does soon after a bulk load: planner statistics and the visibility map.
            foreach (var table in new[] { "case_record", "deep_dive", "audit_round" })
            {
                // VACUUM refuses to run inside a transaction or beside other statements: one command each.
                await connection.ExecuteAsync(new CommandDefinition($"VACUUM ANALYZE {table}", cancellationToken: cancellationToken));
            }
        }

        return audited.Count;
    }

    private static async Task InsertCasesAsync(SqliteConnection connection, IEnumerable<SamplingBenchRegister.Case> cases, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO case_record ({string.Join(", ", CaseColumns)}) VALUES ({string.Join(", ", CaseColumns.Select(c => "@" + c))})";
        var p = CaseColumns.Select(c => command.Parameters.Add(new SqliteParameter("@" + c, DBNull.Value))).ToArray();
        command.Prepare();
        p[0].Value = SamplingBenchRegister.PartnershipId;
        Times.SetValue(p[10], SamplingBenchRegister.LoadedUtc);
        foreach (var c in cases)
        {
            p[1].Value = c.CaseRef;
            p[2].Value = c.Agency;
            p[3].Value = c.CaseType;
            p[4].Value = c.Team;
            p[5].Value = c.Worker;
            p[6].Value = (object?)c.School ?? DBNull.Value;
            Times.SetValue(p[7], c.OpenedOn);
            if (c.ClosedOn is { } closed)
            {
                Times.SetValue(p[8], closed);
            }
            else
            {
                p[8].Value = DBNull.Value;
            }

            p[9].Value = c.InvolvedAgencies;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CopyCasesAsync(NpgsqlConnection connection, IEnumerable<SamplingBenchRegister.Case> cases, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync(
            $"COPY case_record ({string.Join(", ", CaseColumns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var c in cases)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(SamplingBenchRegister.PartnershipId, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(c.CaseRef, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(c.Agency, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(c.CaseType, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(c.Team, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(c.Worker, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(import, c.School, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(c.OpenedOn, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(import, c.ClosedOn, NpgsqlDbType.TimestampTz, cancellationToken);
            await import.WriteAsync(c.InvolvedAgencies, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(SamplingBenchRegister.LoadedUtc, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await import.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? import.WriteNullAsync(cancellationToken) : import.WriteAsync(value, type, cancellationToken);

    private static async Task InsertPriorAuditsAsync(DbConnection connection, IReadOnlyList<(string CaseRef, int Round)> audited, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        const string roundSql = """
            INSERT INTO audit_round (partnership_id, round_id, cycle_id, kind, firing_key, scheduled_for_utc, started_utc, closed_utc, status, seed, cycle_json)
            VALUES (@PartnershipId, @RoundId, 'bench-prior', 'scheduled', @RoundId, @StartedUtc, @StartedUtc, @ClosedUtc, 'closed', @Seed, '{}')
            """;
        for (var round = 0; round < SamplingBenchRegister.PriorRounds; round++)
        {
            var started = SamplingBenchRegister.PriorRoundStartedUtc(round);
            await connection.ExecuteAsync(new CommandDefinition(roundSql, new
            {
                SamplingBenchRegister.PartnershipId, RoundId = RoundId(round), StartedUtc = started, ClosedUtc = started.AddDays(40), Seed = (long)round,
            }, transaction, cancellationToken: cancellationToken));
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO deep_dive ({string.Join(", ", DeepDiveColumns)}) VALUES ({string.Join(", ", DeepDiveColumns.Select(c => "@" + c))})";
        var p = DeepDiveColumns.Select(c =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + c;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var (caseRef, round) in audited)
        {
            var started = SamplingBenchRegister.PriorRoundStartedUtc(round);
            p[0].Value = SamplingBenchRegister.PartnershipId;
            p[1].Value = $"{RoundId(round)}-{caseRef}";
            p[2].Value = RoundId(round);
            p[3].Value = caseRef;
            p[4].Value = "closed";
            p[5].Value = 0;
            Times.SetValue(p[6], started.AddDays(1));
            Times.SetValue(p[7], started.AddDays(35));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static string RoundId(int round) => $"bench-prior-{round:D2}";

    private static readonly UtcDateTimeHandler Times = new();
}
