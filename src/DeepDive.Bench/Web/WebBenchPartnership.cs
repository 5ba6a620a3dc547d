using DeepDive.Domain.Grading;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Bench.Web;

/// <summary>
/// The web bench's partnership, the same for the same sizes: auditors in four agencies, deep dives of two tasks each
/// (two agencies, each task for the next auditor of its agency in turn), ten deep dives to a round, rounds spread over the
/// last three years. The latest rounds are in progress with their tasks open and due in the coming weeks (at least one
/// open task for every auditor); the others are closed with every task submitted. Ids are shaped as the engine's are
/// (a task is round/case/agency).
/// </summary>
public sealed class WebBenchPartnership
{
    public const string Id = "bench-web";
    public const string CycleId = "bench-web";
    public const int DeepDivesPerRound = 10;
    public const double InProgressShare = 0.05;
    public const string LiveRoundId = "R-web-live";

    public static readonly IReadOnlyList<string> Agencies = ["csc", "police", "health", "education"];

    public WebBenchPartnership(int tasks, int auditors, DateTime nowUtc)
    {
        if (tasks < 2 || auditors < Agencies.Count)
        {
            throw new ArgumentException($"The web bench needs at least 2 tasks and {Agencies.Count} auditors (one per agency).");
        }

        Tasks = tasks;
        Auditors = auditors;
        NowUtc = nowUtc;
        DeepDives = (tasks + 1) / 2;
        Rounds = (DeepDives + DeepDivesPerRound - 1) / DeepDivesPerRound;
        // Enough rounds in progress for every auditor to have an open task: half as many deep dives as auditors.
        var forEveryAuditor = (auditors + 2 * DeepDivesPerRound - 1) / (2 * DeepDivesPerRound);
        InProgressRounds = Math.Min(Rounds, Math.Max((int)Math.Ceiling(Rounds * InProgressShare), forEveryAuditor + 1));
    }

    public int Tasks { get; }

    public int Auditors { get; }

    public DateTime NowUtc { get; }

    public int DeepDives { get; }

    public int Rounds { get; }

    public int InProgressRounds { get; }

    public sealed record AuditorRow(string AuditorId, string Name, string Agency, string Email);

    public sealed record RoundRow(string RoundId, DateTime StartedUtc, DateTime? ClosedUtc)
    {
        public bool InProgress => ClosedUtc is null;
    }

    public sealed record TaskRow(string TaskId, string AuditorId, string Agency, DateTime DueUtc, DateTime? SubmittedUtc, string? Grade);

    public sealed record DeepDiveRow(int Number, string DeepDiveId, RoundRow Round, string CaseRef, string CaseAgency, string? OverallGrade, IReadOnlyList<TaskRow> Tasks);

    /// <summary>Auditor <paramref name="n"/> (from 0): of agency n mod 4.</summary>
    public static AuditorRow Auditor(int n) =>
        new($"A-{Agencies[n % Agencies.Count]}-{n:D4}", $"Bench Auditor {n:D4}", Agencies[n % Agencies.Count], $"auditor-{n:D4}@bench.test");

    public IEnumerable<AuditorRow> AllAuditors() => Enumerable.Range(0, Auditors).Select(Auditor);

    public RoundRow Round(int r)
    {
        var closedRounds = Rounds - InProgressRounds;
        if (r >= closedRounds)
        {
            // In progress: opened over the last four weeks.
            var started = NowUtc.AddDays(-28 + 27.0 * (r - closedRounds) / Math.Max(1, InProgressRounds)).Date.AddHours(9);
            return new RoundRow($"R-web-{r + 1:D5}", started, null);
        }

        // Closed: opened from three years ago to two months ago, each closed six weeks after it opened.
        var opened = NowUtc.AddDays(-3 * 365 + (3 * 365 - 60) * (double)r / Math.Max(1, closedRounds)).Date.AddHours(9);
        return new RoundRow($"R-web-{r + 1:D5}", opened, opened.AddDays(42));
    }

    /// <summary>Every deep dive with its tasks, in order; each agency's auditors take its tasks in turn.</summary>
    public IEnumerable<DeepDiveRow> AllDeepDives()
    {
        var byAgency = AllAuditors().GroupBy(a => a.Agency).ToDictionary(g => g.Key, g => g.ToList());
        var turn = Agencies.ToDictionary(a => a, _ => 0);
        var round = Round(0);
        for (var d = 0; d < DeepDives; d++)
        {
            if (d % DeepDivesPerRound == 0)
            {
                round = Round(d / DeepDivesPerRound);
            }

            var caseRef = $"C-{d + 1:D6}";
            var id = $"{round.RoundId}/{caseRef}";
            var grade = round.InProgress ? null : GradingScale.Names[d % GradingScale.Names.Count];
            var tasks = new List<TaskRow>(2);
            for (var k = 0; k < 2 && 2 * d + k < Tasks; k++)
            {
                var agency = Agencies[(d + k) % Agencies.Count];
                var auditor = byAgency[agency][turn[agency]++ % byAgency[agency].Count];
                tasks.Add(round.InProgress
                    ? new TaskRow($"{id}/{agency}", auditor.AuditorId, agency, NowUtc.Date.AddDays(14 + d % 28).AddHours(17), null, null)
                    : new TaskRow($"{id}/{agency}", auditor.AuditorId, agency, round.StartedUtc.AddDays(21), round.StartedUtc.AddDays(5 + (d + k) % 20),
                        GradingScale.Names[(d + k) % GradingScale.Names.Count]));
            }

            yield return new DeepDiveRow(d, id, round, caseRef, Agencies[d % Agencies.Count], grade, tasks);
        }
    }

    /// <summary>The deep dive whose one task client auditor <paramref name="auditor"/> submits: a live workflow, started once the engine runs.</summary>
    public DeepDiveData LiveDeepDive(AuditorRow auditor) => new()
    {
        PartnershipId = Id,
        RoundId = LiveRoundId,
        DeepDiveId = $"{LiveRoundId}/L-{auditor.AuditorId}",
        CaseRef = $"L-{auditor.AuditorId}",
        Tasks = [new TaskRef { TaskId = $"{LiveRoundId}/L-{auditor.AuditorId}/{auditor.Agency}", Agency = auditor.Agency, AuditorId = auditor.AuditorId }],
    };

    /// <summary>The auditors who act as the clients: spread over the pool, one in every <c>auditors / clients</c>, and over the agencies.</summary>
    public IReadOnlyList<AuditorRow> Clients(int clients)
    {
        var step = Auditors / clients;
        // Stepping by a multiple of four would give every client the same agency; the offset (below the step) varies it.
        return [.. Enumerable.Range(0, clients).Select(c => Auditor(step >= Agencies.Count ? c * step + c % Agencies.Count : (int)((long)c * Auditors / clients)))];
    }
}
