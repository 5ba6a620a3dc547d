using System.Reflection;
using DeepDive.Architecture.Tests.Checkers;

namespace DeepDive.Architecture.Tests;

/// <summary>
/// WorkflowCore and Quartz are the engine's business. DeepDive.Engine may use them; so may DeepDive.Bench, which
/// measures the engine against WorkflowCore's own in-memory store and is therefore not checked here.
/// </summary>
public sealed class EngineBoundaryTests
{
    public static TheoryData<string, Assembly> OutsideTheEngine => new()
    {
        { "DeepDive.Domain", typeof(Domain.Cycles.CycleDefinition).Assembly },
        { "DeepDive.Cli", typeof(Cli.Commands.InitCommand).Assembly },
        { "DeepDive.Simulation", typeof(Simulation.YearSimulation).Assembly },
    };

    [Theory]
    [MemberData(nameof(OutsideTheEngine))]
    public void Nothing_outside_the_engine_uses_WorkflowCore_or_Quartz(string rootNamespace, Assembly assembly)
    {
        DependencyCheck.UsersOf(assembly, rootNamespace, "WorkflowCore", "Quartz").Should().BeEmpty();
    }

    [Fact]
    public void Check_reports_a_type_holding_a_Quartz_scheduler()
    {
        DependencyCheck.UsersOf(typeof(EngineBoundaryTests).Assembly, "DeepDive.Architecture.Tests.Fixtures.QuartzUser", "WorkflowCore", "Quartz")
            .Should().Equal("DeepDive.Architecture.Tests.Fixtures.QuartzUser.HoldsAScheduler");
    }
}
