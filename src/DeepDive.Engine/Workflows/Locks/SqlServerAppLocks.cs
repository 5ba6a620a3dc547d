namespace DeepDive.Engine.Workflows.Locks;

/// <summary>SQL Server application locks owned by the session (<c>sp_getapplock</c>), so they end with the connection.</summary>
public sealed class SqlServerAppLocks : ILockStatements
{
    public string TryLock => """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = @Resource, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0;
        SELECT CASE WHEN @result >= 0 THEN 1 ELSE 0 END;
        """;

    public string Unlock => "EXEC sp_releaseapplock @Resource = @Resource, @LockOwner = 'Session';";

    // sp_getapplock resources are at most 255 characters; workflow ids and lock names are far shorter.
    public object Arguments(string lockId) => new { Resource = "deepdive:" + lockId };
}
