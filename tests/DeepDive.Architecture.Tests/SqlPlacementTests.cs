using DeepDive.Architecture.Tests.Checkers;

namespace DeepDive.Architecture.Tests;

public sealed class SqlPlacementTests
{
    /// <summary>
    /// Files that hold SQL today outside stores, queries, storage, workflow persistence and migrations, each with why.
    /// The bench and simulation ones are tools working on their own database. The engine ones predate the rule and are a
    /// ratchet: a new file with SQL elsewhere fails, and a file moved into a store or query must come off this list.
    /// </summary>
    private static readonly Dictionary<string, string> KnownExceptions = new(StringComparer.Ordinal)
    {
        ["src/DeepDive.Bench/DeepDiveBenchRounds.cs"] = "the benchmark's own measurement SQL against its throwaway database",
        ["src/DeepDive.Bench/DeepDiveBenchRun.cs"] = "the benchmark's own measurement SQL against its throwaway database",
        ["src/DeepDive.Bench/SamplingBenchLoader.cs"] = "bulk-loads the sampling benchmark's generated cases",
        ["src/DeepDive.Simulation/YearSimulation.cs"] = "the simulation seeds and reads its own throwaway database",
        ["src/DeepDive.Engine/Assignment/MonthlyLoad.cs"] = "read model (tasks per auditor per month); predates the rule, to become a query",
        ["src/DeepDive.Engine/Assignment/RoundAssignment.cs"] = "assignment reads and writes inside the round's transaction; to move into a store",
        ["src/DeepDive.Engine/Cycles/CycleHistory.cs"] = "writes cycle_history inside the caller's transaction; to move into a store",
        ["src/DeepDive.Engine/Cycles/CycleReport.cs"] = "report read model; to become a query",
        ["src/DeepDive.Engine/FiringFailures/FailedFirings.cs"] = "failed-firing records; to move into a store",
        ["src/DeepDive.Engine/Notifications/Outbox.cs"] = "the notification outbox table; to move into a store",
        ["src/DeepDive.Engine/Notifications/TaskChasing.cs"] = "chase reads over tasks; to become a query",
        ["src/DeepDive.Engine/Rounds/RoundStartNote.cs"] = "round start note written in the round's transaction; to move into a store",
        ["src/DeepDive.Engine/Rounds/RoundStarter.cs"] = "opens a round in one transaction; to move into a store",
        ["src/DeepDive.Engine/Rounds/RoundSummary.cs"] = "manager's round read model; to become a query",
        ["src/DeepDive.Engine/Rounds/SampleList.cs"] = "sample list read and write; to move into a store",
        ["src/DeepDive.Engine/Rounds/SampleList.ReAudit.cs"] = "part of SampleList, same reason",
        ["src/DeepDive.Engine/Rounds/SampleReport.cs"] = "sampling report read model; to become a query",
        ["src/DeepDive.Engine/Hosting/EngineActivity.cs"] = "reads Quartz's trigger table and WorkflowCore's due work to tell when the engine is idle",
        ["src/DeepDive.Engine/Runtime/JobFailures.cs"] = "records job failures; to move into a store",
        ["src/DeepDive.Engine/Scheduling/CycleNext.cs"] = "coming rounds read model; to become a query",
        ["src/DeepDive.Engine/Tasks/TaskBoard.cs"] = "auditor's task board reads and submits; to move into a store and a query",
    };

    [Fact]
    public void SQL_text_lives_only_in_stores_queries_workflow_persistence_and_migrations()
    {
        SqlTextScan.MisplacedIn(SqlTextScan.RepositoryRoot()).Should().BeEquivalentTo(KnownExceptions.Keys);
    }

    [Fact]
    public void Workflow_steps_hold_no_SQL()
    {
        var steps = Path.Combine(SqlTextScan.RepositoryRoot(), "src", "DeepDive.Engine", "Workflows", "Steps");
        Directory.EnumerateFiles(steps, "*.cs", SearchOption.AllDirectories)
            .Where(file => SqlTextScan.HasSql(File.ReadAllText(file)))
            .Should().BeEmpty();
    }

    [Theory]
    [InlineData("const string Sql = \"\"\"\n    SELECT id, name\n      FROM cycle\n    \"\"\";")]
    [InlineData("\"INSERT INTO audit_task (id) VALUES (@Id)\"")]
    [InlineData("\"UPDATE round SET state = @State\"")]
    [InlineData("\"DELETE FROM outbox WHERE id = @Id\"")]
    public void Scan_finds_SQL_statements(string source)
    {
        SqlTextScan.HasSql(source).Should().BeTrue();
    }

    [Theory]
    [InlineData("var names = cycles.Select(cycle => cycle.Name).ToList();")]
    [InlineData("var q = from c in cycles select c; // update the set")]
    public void Scan_ignores_CSharp_that_is_not_SQL(string source)
    {
        SqlTextScan.HasSql(source).Should().BeFalse();
    }

    [Theory]
    [InlineData("src/DeepDive.Engine/Rounds/RoundStore.Progress.cs", true)]
    [InlineData("src/DeepDive.Engine/Status/EngineStatusQuery.cs", true)]
    [InlineData("src/DeepDive.Engine/Workflows/Persistence/ProviderSql.cs", true)]
    [InlineData("src/DeepDive.Engine/Storage/SqlText.cs", true)]
    [InlineData("src/DeepDive.Engine/Workflows/Steps/StartRoundStep.cs", false)]
    [InlineData("src/DeepDive.Cli/Commands/CycleCommands.cs", false)]
    public void Allowed_places_are_stores_queries_storage_persistence_and_locks(string path, bool allowed)
    {
        SqlTextScan.IsAllowedPlace(path).Should().Be(allowed);
    }
}
