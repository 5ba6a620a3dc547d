using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Tests.Storage;

public sealed class ConnectionTargetTests
{
    [Fact]
    public void Parse_BarePath_IsASqliteFileAtTheFullPath()
    {
        var database = ConnectionTarget.Parse("data/deepdive.db");

        database.Dialect.Should().BeOfType<SqliteDialect>();
        database.ConnectionString.Should().Contain($"Data Source={Path.GetFullPath("data/deepdive.db")}");
    }

    [Theory]
    [InlineData("Data Source=x.db", DatabaseKind.Sqlite)]
    [InlineData("DataSource=/var/lib/deepdive/x.db;Cache=Shared", DatabaseKind.Sqlite)]
    [InlineData("Host=db.example;Port=5432;Username=deepdive;Database=deepdive", DatabaseKind.Postgres)]
    [InlineData("host=127.0.0.1;database=deepdive", DatabaseKind.Postgres)]
    [InlineData("Server=sql01;Database=deepdive;Integrated Security=true;TrustServerCertificate=true", DatabaseKind.SqlServer)]
    [InlineData("Server=tcp:sql01,1433;Database=deepdive;User ID=dd;Password=secret", DatabaseKind.SqlServer)]
    [InlineData("Data Source=sql01;Initial Catalog=deepdive;Integrated Security=true", DatabaseKind.SqlServer)]
    public void Parse_ConnectionString_PicksTheDialect(string connection, DatabaseKind kind)
    {
        var database = ConnectionTarget.Parse(connection);

        database.Dialect.Kind.Should().Be(kind);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        var used = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = database.ConnectionString };
        foreach (string key in given.Keys)
        {
            used[key].ToString().Should().BeEquivalentTo(given[key].ToString(), "the setting {0} is kept", key);
        }
    }

    [Fact]
    public void Parse_PostgresConnection_SkipsTheResetOnEveryReturnToThePool_UnlessToldOtherwise()
    {
        ConnectionTarget.Parse("Host=db;Database=d").ConnectionString.Should().Contain("No Reset On Close=True");
        ConnectionTarget.Parse("Host=db;Database=d;No Reset On Close=false").ConnectionString.Should().Contain("No Reset On Close=False");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Nothing_SaysWhatToGive(string connection)
    {
        var parse = () => ConnectionTarget.Parse(connection);

        parse.Should().Throw<ArgumentException>().WithMessage("*empty*SQLite file path or a connection string*");
    }

    [Fact]
    public void Parse_UnknownKeys_SaysWhichKeysAreUnderstood()
    {
        var parse = () => ConnectionTarget.Parse("colour=blue;size=large");

        parse.Should().Throw<ArgumentException>()
            .WithMessage("Cannot tell which database*Host=*PostgreSQL*Server=*SQL Server*Data Source=*SQLite*");
    }

    [Fact]
    public void Parse_UnreadableConnectionString_SaysItCannotBeRead()
    {
        var parse = () => ConnectionTarget.Parse("Host='db.example;Database=deepdive");

        parse.Should().Throw<ArgumentException>().WithMessage("The database connection string cannot be read*");
    }

    [Fact]
    public void Open_IsTheSameAsParse()
    {
        Database.Open("Host=127.0.0.1;Database=d").Dialect.Kind.Should().Be(DatabaseKind.Postgres);
    }
}
