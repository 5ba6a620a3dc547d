using System.Reflection;
using DeepDive.Architecture.Tests.Checkers;

namespace DeepDive.Architecture.Tests;

public sealed class DomainRulesTests
{
    private static readonly Assembly Domain = Assembly.Load("DeepDive.Domain");

    [Fact]
    public void Domain_references_only_the_base_library_and_System_IO_Hashing()
    {
        DependencyCheck.ReferencesOutsideFramework(Domain, "System.IO.Hashing").Should().BeEmpty();
    }

    [Fact]
    public void Domain_types_use_only_System_and_their_own_types()
    {
        // Microsoft.CodeAnalysis holds the attributes the compiler itself emits (EmbeddedAttribute, NullableAttribute).
        DependencyCheck.UsersOfAnythingBut(Domain, "DeepDive.Domain", "System", "DeepDive.Domain", "Microsoft.CodeAnalysis")
            .Should().BeEmpty();
    }

    [Fact]
    public void Domain_reads_no_clock()
    {
        IlScan.ClockReadsIn(Domain, "DeepDive.Domain").Should().BeEmpty();
    }

    [Fact]
    public void Reference_check_reports_an_assembly_outside_the_framework()
    {
        DependencyCheck.ReferencesOutsideFramework(typeof(DomainRulesTests).Assembly, "System.IO.Hashing")
            .Should().Contain(["NetArchTest.Rules", "Quartz"]);
    }

    [Fact]
    public void Namespace_check_reports_a_type_using_something_else()
    {
        DependencyCheck.UsersOfAnythingBut(typeof(DomainRulesTests).Assembly, "DeepDive.Architecture.Tests.Fixtures.QuartzUser", "System", "Microsoft.CodeAnalysis")
            .Should().Equal("DeepDive.Architecture.Tests.Fixtures.QuartzUser.HoldsAScheduler");
    }

    [Fact]
    public void Clock_check_reports_DateTime_UtcNow_and_TimeProvider_System()
    {
        IlScan.ClockReadsIn(typeof(DomainRulesTests).Assembly, "DeepDive.Architecture.Tests.Fixtures.ClockReader").Should().Equal(
            "DeepDive.Architecture.Tests.Fixtures.ClockReader.ReadsTheClock: System.DateTime::get_UtcNow",
            "DeepDive.Architecture.Tests.Fixtures.ClockReader.ReadsTheClock: System.TimeProvider::get_System");
    }
}
