namespace DeepDive.Engine.Storage;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
    SqlServer,
}
