using System.Data.Common;
using Dapper;

namespace DeepDive.Engine.Rounds;

/// <summary>A re-audit round's list: the cases of its source round that needed work, in reference order.</summary>
public sealed partial class SampleList
{
    public const string ReAudit = "re-audit";

    public static Task InsertReAuditAsync(DbConnection connection, DbTransaction transaction, string partnershipId, string roundId, IReadOnlyList<string> cases,
        CancellationToken cancellationToken)
    {
        const string insert = """
            INSERT INTO sample_case (partnership_id, round_id, case_ref, position, list)
            VALUES (@PartnershipId, @RoundId, @CaseRef, @Position, @List)
            """;
        var rows = cases.Select((c, i) => new { PartnershipId = partnershipId, RoundId = roundId, CaseRef = c, Position = i + 1, List = ReAudit }).ToList();
        return connection.ExecuteAsync(new CommandDefinition(insert, rows, transaction, cancellationToken: cancellationToken));
    }
}
