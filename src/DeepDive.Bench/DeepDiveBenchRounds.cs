using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Bench;

/// <summary>
/// The deep-dive suite's rounds: seeded in progress, as a round is once its sample is drawn and its auditors assigned,
/// each then starting its deep dives as the round's start-deep-dives step does (the deep-dive rows and their workflows
/// in one transaction, each workflow queued once committed). Every deep dive has one task per agency, each for its auditor.
/// </summary>
public sealed class DeepDiveBenchRounds(Database database, TimeProvider clock, int deepDives, int auditors)
{
    public const string Partnership = "bench";
    public const int DeepDivesPerRound = 50;
    public static readonly IReadOnlyList<string> Agencies = ["csc", "health"];

    /// <summary>The round's own copy of its cycle, as a real round keeps it (the grade step reads its re-audit rule).</summary>
    private static readonly string CycleJson = CycleFile.Serialize(new CycleDefinition
    {
        Id = "bench",
        Name = "Bench",
        Theme = "bench",
        Schedule = new CycleSchedule { Months = [1] },
        SampleSize = DeepDivesPerRound,
    });

    public sealed record Plan(string RoundId, IReadOnlyList<DeepDiveData> DeepDives);

    /// <summary>Every task the rounds open, with the auditor it is assigned to.</summary>
    public IEnumerable<TaskRef> Tasks => Plans().SelectMany(p => p.DeepDives).SelectMany(d => d.Tasks);

    public IReadOnlyList<Plan> Plans() => Enumerable.Range(0, (deepDives + DeepDivesPerRound - 1) / DeepDivesPerRound)
        .Select(r => new Plan($"R-bench-{r + 1:D3}", Enumerable.Range(r * DeepDivesPerRound, Math.Min(DeepDivesPerRound, deepDives - r * DeepDivesPerRound))
            .Select(n => DeepDive($"R-bench-{r + 1:D3}", n)).ToList()))
        .ToList();

    /// <summary>The partnership and its rounds, in progress.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await new PartnershipStore(database, clock).EnsureAsync(Partnership, "Bench partnership", cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        const string sql = """
            INSERT INTO audit_round (partnership_id, round_id, cycle_id, kind, firing_key, scheduled_for_utc, started_utc, status, seed, cycle_json)
            VALUES (@Partnership, @RoundId, 'bench', 'scheduled', @RoundId, @Now, @Now, 'in-progress', 1, @CycleJson)
            """;
        var rows = Plans().Select(p => new { Partnership, p.RoundId, Now = now, CycleJson }).ToList();
        await database.InTransactionAsync((c, t) => c.ExecuteAsync(new CommandDefinition(sql, rows, t, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>Starts a round's deep dives as its start-deep-dives step does.</summary>
    public Task StartAsync(Plan plan, WorkflowStarter starter, CancellationToken cancellationToken) =>
        StartAsync(database, clock, plan.DeepDives, starter, cancellationToken);

    /// <summary>
    /// Starts deep dives (of any partnership, their rounds already stored) as a round's start-deep-dives step does: the
    /// deep-dive rows and their workflows in one transaction, each workflow queued once committed.
    /// </summary>
    public static async Task StartAsync(Database database, TimeProvider clock, IReadOnlyList<DeepDiveData> deepDives, WorkflowStarter starter,
        CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO deep_dive (partnership_id, deep_dive_id, round_id, case_ref, workflow_id, status, needs_work, opened_utc)
            VALUES (@PartnershipId, @DeepDiveId, @RoundId, @CaseRef, @WorkflowId, 'open', 0, @Now)
            """;
        var now = clock.GetUtcNow().UtcDateTime;
        var instances = deepDives.Select(d => starter.Build("deep-dive", d, d.DeepDiveId)).ToList();
        await database.InTransactionAsync(async (c, t) =>
        {
            var rows = deepDives.Select((d, i) => new { d.PartnershipId, d.DeepDiveId, d.RoundId, d.CaseRef, WorkflowId = instances[i].Id, Now = now });
            await c.ExecuteAsync(new CommandDefinition(sql, rows.ToList(), t, cancellationToken: cancellationToken));
            foreach (var instance in instances)
            {
                await starter.Insert(instance)(c, t, cancellationToken);
            }
        }, cancellationToken);
        foreach (var instance in instances)
        {
            await starter.QueueWorkflow(instance.Id)();
        }
    }

    private DeepDiveData DeepDive(string roundId, int n)
    {
        var id = $"{roundId}/C{n:D5}";
        return new DeepDiveData
        {
            PartnershipId = Partnership,
            RoundId = roundId,
            DeepDiveId = id,
            CaseRef = $"C{n:D5}",
            Tasks = Agencies.Select(a => new TaskRef { TaskId = $"{id}/{a}", Agency = a, AuditorId = $"A-{a}-{n % Math.Max(1, auditors / Agencies.Count):D2}" }).ToList(),
        };
    }
}
