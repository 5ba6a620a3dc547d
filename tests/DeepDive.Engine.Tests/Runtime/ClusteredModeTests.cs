using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Tests.Runtime;

public sealed class ClusteredModeTests
{
    [Fact]
    public void Clustered_OnSqlite_IsRefused_SayingWhy()
    {
        var act = () => RuntimeServices.Build(Database.Open("/tmp/deepdive-tests/never-created.db"), TimeProvider.System, new RuntimeOptions { Clustered = true });
        act.Should().Throw<InvalidOperationException>().WithMessage("SQLite runs as a single node*Use PostgreSQL or SQL Server*");
    }
}
