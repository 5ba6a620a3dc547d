using System.Text.Json;
using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Domain.Cycles;
using DeepDive.Domain.DeepDives;
using DeepDive.Domain.Rounds;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Bench.Web;

/// <summary>
/// Writes <see cref="WebBenchPartnership"/> into a fresh database, fast: straight into the tables the stores read (the
/// auditors, the cycle, rounds, cases, deep dives and tasks), each statement compiled once and run for every row, one
/// transaction per batch of deep dives. No workflow runs for these rows: they are history and work in progress as the
/// pages read them.
/// </summary>
public sealed class WebBenchSeedStore(Database database, TimeProvider clock)
{
    /// <summary>Deep dives a transaction writes: whole rounds (a multiple of <see cref="WebBenchPartnership.DeepDivesPerRound"/>), so each round is written once.</summary>
    public const int BatchDeepDives = 500 * WebBenchPartnership.DeepDivesPerRound;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] AuditorColumns = ["partnership_id", "auditor_id", "name", "agency", "team", "skills", "monthly_capacity", "updated_utc"];

    private static readonly string[] CycleColumns = ["partnership_id", "cycle_id", "name", "theme", "definition_json", "status", "created_utc", "updated_utc"];

    private static readonly string[] RoundColumns =
        ["partnership_id", "round_id", "cycle_id", "kind", "firing_key", "scheduled_for_utc", "started_utc", "closed_utc", "status", "seed", "cycle_json"];

    private static readonly string[] CaseColumns =
        ["partnership_id", "case_ref", "agency", "case_type", "team", "worker", "school", "opened_on", "closed_on", "involved_agencies", "updated_utc"];

    private static readonly string[] DeepDiveColumns =
        ["partnership_id", "deep_dive_id", "round_id", "case_ref", "status", "overall_grade", "needs_work", "opened_utc", "closed_utc"];

    private static readonly string[] TaskColumns =
    [
        "partnership_id", "task_id", "deep_dive_id", "round_id", "case_ref", "agency", "auditor_id", "status", "opened_utc", "due_utc",
        "submitted_utc", "grade", "late", "answers_json",
    ];

    /// <summary>The cycle every bench round is a round of, as its rounds keep it.</summary>
    public static readonly CycleDefinition Cycle = new()
    {
        Id = WebBenchPartnership.CycleId,
        Name = "Neglect multi-agency audit",
        Theme = "neglect",
        Schedule = new CycleSchedule { Months = [3, 9] },
        SampleSize = WebBenchPartnership.DeepDivesPerRound,
    };

    /// <summary>Writes the partnership: auditors and cycle first, then the deep dives in batches, their rounds and cases with them.</summary>
    public async Task SeedAsync(WebBenchPartnership partnership, IProgress<int>? deepDivesWritten, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await new PartnershipStore(database, clock).EnsureAsync(WebBenchPartnership.Id, "Web bench partnership", cancellationToken);
        var cycleJson = CycleFile.Serialize(Cycle);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await using var auditors = new BatchCommand(connection, transaction, SqlText.Insert("auditor", AuditorColumns), AuditorColumns);
            foreach (var a in partnership.AllAuditors())
            {
                auditors.Set("partnership_id", WebBenchPartnership.Id);
                auditors.Set("auditor_id", a.AuditorId);
                auditors.Set("name", a.Name);
                auditors.Set("agency", a.Agency);
                auditors.Set("team", $"{a.Agency}-audit");
                auditors.Set("skills", a.Agency);
                auditors.Set("monthly_capacity", 10);
                auditors.Set("updated_utc", now);
                await auditors.ExecuteAsync(cancellationToken);
            }

            await using var cycle = new BatchCommand(connection, transaction, SqlText.Insert("cycle", CycleColumns), CycleColumns);
            cycle.Set("partnership_id", WebBenchPartnership.Id);
            cycle.Set("cycle_id", Cycle.Id);
            cycle.Set("name", Cycle.Name);
            cycle.Set("theme", Cycle.Theme);
            cycle.Set("definition_json", cycleJson);
            cycle.Set("status", "active");
            cycle.Set("created_utc", now);
            cycle.Set("updated_utc", now);
            await cycle.ExecuteAsync(cancellationToken);
        }, cancellationToken);

        var written = 0;
        foreach (var batch in partnership.AllDeepDives().Chunk(BatchDeepDives))
        {
            await database.InTransactionAsync(async (connection, transaction) =>
            {
                await using var rounds = new BatchCommand(connection, transaction, SqlText.Insert("audit_round", RoundColumns), RoundColumns);
                await using var cases = new BatchCommand(connection, transaction, SqlText.Insert("case_record", CaseColumns), CaseColumns);
                await using var deepDives = new BatchCommand(connection, transaction, SqlText.Insert("deep_dive", DeepDiveColumns), DeepDiveColumns);
                await using var tasks = new BatchCommand(connection, transaction, SqlText.Insert("audit_task", TaskColumns), TaskColumns);
                string? lastRound = null;
                foreach (var d in batch)
                {
                    if (d.Round.RoundId != lastRound)
                    {
                        await InsertRoundAsync(rounds, d.Round.RoundId, d.Round.StartedUtc, d.Round.ClosedUtc, cycleJson, cancellationToken);
                        lastRound = d.Round.RoundId;
                    }

                    await InsertCaseAsync(cases, d.CaseRef, d.CaseAgency, d.Number, now, cancellationToken);
                    deepDives.Set("partnership_id", WebBenchPartnership.Id);
                    deepDives.Set("deep_dive_id", d.DeepDiveId);
                    deepDives.Set("round_id", d.Round.RoundId);
                    deepDives.Set("case_ref", d.CaseRef);
                    deepDives.Set("status", d.Round.InProgress ? DeepDiveStatus.Open : DeepDiveStatus.Closed);
                    deepDives.Set("overall_grade", d.OverallGrade);
                    deepDives.Set("needs_work", d.OverallGrade is "requires-improvement" or "inadequate" ? 1 : 0);
                    deepDives.Set("opened_utc", d.Round.StartedUtc);
                    deepDives.Set("closed_utc", d.Round.ClosedUtc);
                    await deepDives.ExecuteAsync(cancellationToken);
                    foreach (var t in d.Tasks)
                    {
                        tasks.Set("partnership_id", WebBenchPartnership.Id);
                        tasks.Set("task_id", t.TaskId);
                        tasks.Set("deep_dive_id", d.DeepDiveId);
                        tasks.Set("round_id", d.Round.RoundId);
                        tasks.Set("case_ref", d.CaseRef);
                        tasks.Set("agency", t.Agency);
                        tasks.Set("auditor_id", t.AuditorId);
                        tasks.Set("status", t.SubmittedUtc is null ? AuditTaskStatus.Open : AuditTaskStatus.Submitted);
                        tasks.Set("opened_utc", d.Round.StartedUtc);
                        tasks.Set("due_utc", t.DueUtc);
                        tasks.Set("submitted_utc", t.SubmittedUtc);
                        tasks.Set("grade", t.Grade);
                        tasks.Set("late", t.SubmittedUtc > t.DueUtc ? 1 : 0);
                        tasks.Set("answers_json", t.Grade is null ? null : JsonSerializer.Serialize(Answers(t.Grade), Json));
                        await tasks.ExecuteAsync(cancellationToken);
                    }
                }
            }, cancellationToken);
            written += batch.Length;
            deepDivesWritten?.Report(written);
        }
    }

    /// <summary>The round and cases of the live deep dives (<see cref="WebBenchPartnership.LiveDeepDive"/>), before their workflows start.</summary>
    public async Task SeedLiveRoundAsync(IReadOnlyList<DeepDiveData> live, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await using var rounds = new BatchCommand(connection, transaction, SqlText.Insert("audit_round", RoundColumns), RoundColumns);
            await InsertRoundAsync(rounds, WebBenchPartnership.LiveRoundId, now, null, CycleFile.Serialize(Cycle), cancellationToken);
            await using var cases = new BatchCommand(connection, transaction, SqlText.Insert("case_record", CaseColumns), CaseColumns);
            foreach (var (d, i) in live.Select((d, i) => (d, i)))
            {
                await InsertCaseAsync(cases, d.CaseRef, d.Tasks[0].Agency, i, now, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>How many of these tasks are open: the live deep dives' workflows open theirs when they first run.</summary>
    public async Task<int> OpenCountAsync(IReadOnlyList<string> taskIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var open = 0;
        foreach (var chunk in taskIds.Chunk(500))
        {
            open += await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT COUNT(*) FROM audit_task WHERE partnership_id = @PartnershipId AND status = @Open AND {database.Dialect.InList("task_id", "@TaskIds")}",
                new { PartnershipId = WebBenchPartnership.Id, AuditTaskStatus.Open, TaskIds = chunk }, cancellationToken: cancellationToken));
        }

        return open;
    }

    /// <summary>The first error a workflow step recorded, if any: a live deep dive that failed ends the wait for it at once.</summary>
    public async Task<string?> FirstWorkflowErrorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            database.Dialect.Top("SELECT message FROM wf_error ORDER BY error_time", 1), cancellationToken: cancellationToken));
    }

    private static async Task InsertRoundAsync(BatchCommand rounds, string roundId, DateTime startedUtc, DateTime? closedUtc, string cycleJson,
        CancellationToken cancellationToken)
    {
        rounds.Set("partnership_id", WebBenchPartnership.Id);
        rounds.Set("round_id", roundId);
        rounds.Set("cycle_id", WebBenchPartnership.CycleId);
        rounds.Set("kind", "scheduled");
        rounds.Set("firing_key", roundId);
        rounds.Set("scheduled_for_utc", startedUtc);
        rounds.Set("started_utc", startedUtc);
        rounds.Set("closed_utc", closedUtc);
        rounds.Set("status", closedUtc is null ? RoundStatus.InProgress : RoundStatus.Closed);
        rounds.Set("seed", startedUtc.Ticks);
        rounds.Set("cycle_json", cycleJson);
        await rounds.ExecuteAsync(cancellationToken);
    }

    /// <summary>The case register's row for a case: its <paramref name="n"/> spreads cases over teams, workers and schools.</summary>
    private static async Task InsertCaseAsync(BatchCommand cases, string caseRef, string agency, int n, DateTime now, CancellationToken cancellationToken)
    {
        cases.Set("partnership_id", WebBenchPartnership.Id);
        cases.Set("case_ref", caseRef);
        cases.Set("agency", agency);
        cases.Set("case_type", "child-in-need");
        cases.Set("team", $"{agency}-team-{n % 12:D2}");
        cases.Set("worker", $"W-{n % 400:D3}");
        cases.Set("school", n % 3 == 0 ? $"SCH{n % 36 + 1:D3}" : null);
        cases.Set("opened_on", now.Date.AddDays(-200 - n % 500));
        cases.Set("closed_on", null);
        cases.Set("involved_agencies", agency);
        cases.Set("updated_utc", now);
        await cases.ExecuteAsync(cancellationToken);
    }

    private static TaskSubmission Answers(string grade) => new()
    {
        Grade = grade,
        Sections = [new SectionAnswer { Section = "Assessment", Evidence = "The assessment was timely and recorded the child's views.", Grade = grade }],
        GoodPractice = ["Plans were reviewed on time"],
        AreasForDevelopment = ["Record the reasons for decisions"],
        Recommendations = ["Share the chronology with health at each review"],
    };
}
