namespace DeepDive.Engine.Rounds;

/// <summary>A change to a round's list that the round's state does not allow; the message says why and what to do instead.</summary>
public sealed class SampleListRefusedException(string message) : InvalidOperationException(message);
