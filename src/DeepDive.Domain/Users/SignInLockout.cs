namespace DeepDive.Domain.Users;

/// <summary>After <see cref="MaxFailures"/> wrong passwords in a row an account is locked for <see cref="LockFor"/>; a right one resets the count.</summary>
public static class SignInLockout
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    public static bool IsLocked(DateTime? lockedUntilUtc, DateTime nowUtc) => lockedUntilUtc is { } until && until > nowUtc;

    /// <summary>The count and lock after one more wrong password.</summary>
    public static (int Failures, DateTime? LockedUntilUtc) AfterFailure(int failures, DateTime nowUtc) =>
        failures + 1 >= MaxFailures ? (0, nowUtc + LockFor) : (failures + 1, null);
}
