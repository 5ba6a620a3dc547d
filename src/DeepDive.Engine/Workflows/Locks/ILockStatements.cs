namespace DeepDive.Engine.Workflows.Locks;

/// <summary>How one server database takes and gives back a session-level lock on a name.</summary>
public interface ILockStatements
{
    /// <summary>Takes the lock without waiting; the statement returns 1 when it was taken.</summary>
    string TryLock { get; }

    string Unlock { get; }

    object Arguments(string lockId);
}
