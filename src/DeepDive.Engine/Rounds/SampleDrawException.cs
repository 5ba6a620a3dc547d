namespace DeepDive.Engine.Rounds;

/// <summary>A draw that cannot be made from the cycle and the register as they are; nothing is stored for it.</summary>
public sealed class SampleDrawException(string message) : ArgumentException(message);
