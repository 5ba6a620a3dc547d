using System.Reflection;
using DeepDive.Architecture.Tests.Checkers;

namespace DeepDive.Architecture.Tests;

/// <summary>
/// CLI commands should get their stores from dependency injection, not construct them. That does not hold yet:
/// the commands listed below still say <c>new ...Store(...)</c> and are being moved to injection. The rule is a
/// ratchet: a command not on the list that constructs a store fails the test, and so does a listed one that no longer does
/// (take it off the list).
/// </summary>
public sealed class CommandStoreTests
{
    private static readonly string[] KnownViolations =
    [
        "DeepDive.Cli.Commands.CalendarImportTermsCommand: SchoolTermStore",
        "DeepDive.Cli.Commands.CalendarShowCommand: BankHolidayStore",
        "DeepDive.Cli.Commands.CalendarShowCommand: CalendarStore",
        "DeepDive.Cli.Commands.ConflictListCommand: AuditorStore",
        "DeepDive.Cli.Commands.ConflictListCommand: DeclaredConflictStore",
        "DeepDive.Cli.Commands.CycleAddCommand: BankHolidayStore",
        "DeepDive.Cli.Commands.CycleAddCommand: PartnershipStore",
        "DeepDive.Cli.Commands.CycleListCommand: CycleStore",
        "DeepDive.Cli.Commands.CycleNextCommand: BankHolidayStore",
        "DeepDive.Cli.Commands.CycleNextCommand: CycleStore",
        "DeepDive.Cli.Commands.CycleRapidCommand: BankHolidayStore",
        "DeepDive.Cli.Commands.CycleRapidCommand: CycleStore",
        "DeepDive.Cli.Commands.CycleRapidCommand: PartnershipStore",
        "DeepDive.Cli.Commands.CycleResumeCommand: CycleStore",
        "DeepDive.Cli.Commands.DeclareConflictCommand: DeclaredConflictStore",
        "DeepDive.Cli.Commands.FailedFiringsList: CycleStore",
        "DeepDive.Cli.Commands.InitCommand: BankHolidayStore",
        "DeepDive.Cli.Commands.InitCommand: PartnershipStore",
        "DeepDive.Cli.Commands.LearningOutputSettings: LearningStore",
        "DeepDive.Cli.Commands.RoundUnassignedCommand: UnassignedTaskStore",
    ];

    [Fact]
    public void Ratchet_no_new_CLI_command_constructs_a_store()
    {
        IlScan.StoreConstructionsIn(typeof(DeepDive.Cli.Commands.InitCommand).Assembly, "DeepDive.Cli.Commands").Should().BeEquivalentTo(KnownViolations);
    }

    [Fact]
    public void Check_reports_a_store_built_inside_an_async_method()
    {
        IlScan.StoreConstructionsIn(typeof(CommandStoreTests).Assembly, "DeepDive.Architecture.Tests.Fixtures.Commands")
            .Should().Equal("DeepDive.Architecture.Tests.Fixtures.Commands.BuildsAStore: FixtureStore");
    }
}
