namespace DeepDive.Domain.Assignment;

/// <summary>What a declared conflict of interest is about: one case, everything a worker holds, or everything a team holds.</summary>
public enum ConflictSubject
{
    Case,
    Worker,
    Team,
}

/// <summary>A conflict of interest an auditor declared: they never audit a case it covers.</summary>
public sealed record DeclaredConflict(
    string AuditorId, ConflictSubject Kind, string Subject, string Reason, string DeclaredBy, DateTime DeclaredUtc)
{
    public bool Covers(AuditTaskNeed task) => Kind switch
    {
        ConflictSubject.Case => Same(Subject, task.CaseRef),
        ConflictSubject.Worker => Same(Subject, task.CaseWorker),
        _ => Same(Subject, task.CaseTeam),
    };

    /// <summary>The word stored and typed for a kind: case, worker or team.</summary>
    public static string Name(ConflictSubject kind) => kind.ToString().ToLowerInvariant();

    public static ConflictSubject Parse(string name) => name switch
    {
        "case" => ConflictSubject.Case,
        "worker" => ConflictSubject.Worker,
        "team" => ConflictSubject.Team,
        _ => throw new ArgumentException($"Unknown conflict kind '{name}': use case, worker or team."),
    };

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
