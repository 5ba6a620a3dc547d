using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Auditors;

/// <summary>The conflicts of interest auditors declared: with one case, with a worker's cases, or with a team's cases.</summary>
public sealed class DeclaredConflictStore(Database database, TimeProvider clock)
{
    private const int MaxReasonLength = 2000;

    /// <param name="Replaced">The auditor had already declared a conflict with the same subject; its reason, author and time were replaced.</param>
    /// <param name="Note">Something worth checking that did not stop the declaration, such as a worker no case in the register has.</param>
    public sealed record DeclareResult(DeclaredConflict Conflict, bool Replaced, string? Note);

    private sealed class Row
    {
        public string AuditorId { get; set; } = "";
        public string SubjectKind { get; set; } = "";
        public string Subject { get; set; } = "";
        public string Reason { get; set; } = "";
        public string DeclaredBy { get; set; } = "";
        public DateTime DeclaredUtc { get; set; }

        public DeclaredConflict ToConflict() => new(AuditorId, DeclaredConflict.Parse(SubjectKind), Subject, Reason, DeclaredBy, DeclaredUtc);
    }

    /// <summary>
    /// Records a declared conflict in one transaction. An unknown auditor, an unknown case, or a blank subject or
    /// reason is refused with an <see cref="ArgumentException"/> saying which, and nothing is stored.
    /// </summary>
    public async Task<DeclareResult> DeclareAsync(
        string partnershipId, string auditorId, ConflictSubject kind, string subject, string reason, string declaredBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        auditorId = auditorId?.Trim() ?? "";
        subject = subject?.Trim() ?? "";
        reason = reason?.Trim() ?? "";
        declaredBy = string.IsNullOrWhiteSpace(declaredBy) ? auditorId : declaredBy.Trim();
        var what = DeclaredConflict.Name(kind);
        if (auditorId.Length == 0)
        {
            throw new ArgumentException("Give the auditor who declares the conflict.");
        }

        if (subject.Length == 0)
        {
            throw new ArgumentException($"Give the {what} the conflict is with.");
        }

        if (reason.Length == 0)
        {
            throw new ArgumentException("Give the reason for the conflict with --reason, so a manager can see why the auditor is kept off these cases.");
        }

        if (reason.Length > MaxReasonLength)
        {
            throw new ArgumentException($"The reason is {reason.Length} characters long; keep it to {MaxReasonLength}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var args = new { PartnershipId = partnershipId, AuditorId = auditorId, Kind = what, Subject = subject };
            var auditor = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT auditor_id FROM auditor WHERE partnership_id = @PartnershipId AND auditor_id = @AuditorId", args, transaction, cancellationToken: cancellationToken))
                ?? throw new ArgumentException($"There is no auditor '{auditorId}' in partnership '{partnershipId}'; nothing was stored.");
            string? note = null;
            if (kind == ConflictSubject.Case)
            {
                _ = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                    "SELECT case_ref FROM case_record WHERE partnership_id = @PartnershipId AND case_ref = @Subject", args, transaction, cancellationToken: cancellationToken))
                    ?? throw new ArgumentException($"There is no case '{subject}' in partnership '{partnershipId}'; nothing was stored.");
            }
            else
            {
                var column = kind == ConflictSubject.Worker ? "worker" : "team";
                var cases = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    $"SELECT COUNT(*) FROM case_record WHERE partnership_id = @PartnershipId AND {column} = @Subject", args, transaction, cancellationToken: cancellationToken));
                if (cases == 0)
                {
                    note = $"No case in the register has {what} '{subject}' yet; the conflict applies to any that comes in. Check the spelling if that is not expected.";
                }
            }

            var existing = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("""
                SELECT conflict_id FROM auditor_conflict
                WHERE partnership_id = @PartnershipId AND auditor_id = @AuditorId AND subject_kind = @Kind AND subject = @Subject
                """, args, transaction, cancellationToken: cancellationToken));
            var values = new
            {
                ConflictId = existing ?? Guid.NewGuid().ToString("N"),
                PartnershipId = partnershipId,
                AuditorId = auditor,
                Kind = what,
                Subject = subject,
                Reason = reason,
                DeclaredBy = declaredBy,
                DeclaredUtc = now,
            };
            var sql = existing is null
                ? """
                  INSERT INTO auditor_conflict (partnership_id, conflict_id, auditor_id, subject_kind, subject, reason, declared_by, declared_utc)
                  VALUES (@PartnershipId, @ConflictId, @AuditorId, @Kind, @Subject, @Reason, @DeclaredBy, @DeclaredUtc)
                  """
                : "UPDATE auditor_conflict SET reason = @Reason, declared_by = @DeclaredBy, declared_utc = @DeclaredUtc WHERE conflict_id = @ConflictId";
            await connection.ExecuteAsync(new CommandDefinition(sql, values, transaction, cancellationToken: cancellationToken));
            return new DeclareResult(new DeclaredConflict(auditor, kind, subject, reason, declaredBy, now), existing is not null, note);
        }, cancellationToken);
    }

    /// <summary>The partnership's declared conflicts, or one auditor's (refusing an unknown auditor), by auditor, kind and subject.</summary>
    public async Task<IReadOnlyList<DeclaredConflict>> ListAsync(string partnershipId, string? auditorId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        await using var connection = await database.OpenAsync(cancellationToken);
        var args = new { PartnershipId = partnershipId, AuditorId = auditorId };
        if (auditorId is not null && await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT auditor_id FROM auditor WHERE partnership_id = @PartnershipId AND auditor_id = @AuditorId", args, cancellationToken: cancellationToken)) is null)
        {
            throw new ArgumentException($"There is no auditor '{auditorId}' in partnership '{partnershipId}'.");
        }

        var sql = $"""
            SELECT auditor_id AS AuditorId, subject_kind AS SubjectKind, subject AS Subject, reason AS Reason,
                   declared_by AS DeclaredBy, declared_utc AS DeclaredUtc
            FROM auditor_conflict
            WHERE partnership_id = @PartnershipId {(auditorId is null ? "" : "AND auditor_id = @AuditorId")}
            ORDER BY {database.Dialect.Ordinal("auditor_id")}, subject_kind, {database.Dialect.Ordinal("subject")}
            """;
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToConflict()).ToList();
    }
}
