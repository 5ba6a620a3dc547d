namespace DeepDive.Engine.Users;

/// <summary>A change to users that cannot be made, with the field it concerns (as a form or a flag names it) and why.</summary>
public sealed class UserRefusedException(string field, string message) : ArgumentException(message)
{
    public string Field { get; } = field;
}
