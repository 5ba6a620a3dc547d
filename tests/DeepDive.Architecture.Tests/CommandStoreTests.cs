using System.Reflection;
using DeepDive.Architecture.Tests.Checkers;

namespace DeepDive.Architecture.Tests;

/// <summary>
/// CLI commands get their stores from the shared composition root (the container Spectre builds them from); none
/// constructs a store itself.
/// </summary>
public sealed class CommandStoreTests
{
    [Fact]
    public void No_CLI_command_constructs_a_store()
    {
        IlScan.StoreConstructionsIn(typeof(DeepDive.Cli.Commands.InitCommand).Assembly, "DeepDive.Cli").Should().BeEmpty();
    }

    [Fact]
    public void Check_reports_a_store_built_inside_an_async_method()
    {
        IlScan.StoreConstructionsIn(typeof(CommandStoreTests).Assembly, "DeepDive.Architecture.Tests.Fixtures.Commands")
            .Should().Equal("DeepDive.Architecture.Tests.Fixtures.Commands.BuildsAStore: FixtureStore",
                "DeepDive.Architecture.Tests.Fixtures.Commands.BuildsTheOutbox: Outbox");
    }
}
