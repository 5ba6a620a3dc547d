namespace DeepDive.Engine.Users;

/// <summary>How a sign-in attempt ended. Wrong email and wrong password read the same to the person signing in.</summary>
public abstract record SignInOutcome
{
    public sealed record SignedIn(AppUser User) : SignInOutcome;

    public sealed record Refused : SignInOutcome;

    public sealed record LockedOut(DateTime UntilUtc) : SignInOutcome;
}
