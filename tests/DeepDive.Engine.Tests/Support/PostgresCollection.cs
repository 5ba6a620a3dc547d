namespace DeepDive.Engine.Tests.Support;

/// <summary>Tests in this collection share one PostgreSQL server; each asks it for its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
