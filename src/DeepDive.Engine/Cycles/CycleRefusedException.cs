namespace DeepDive.Engine.Cycles;

/// <summary>A change to a cycle that its state does not allow (e.g. resuming a retired cycle); nothing was changed.</summary>
public sealed class CycleRefusedException(string message) : InvalidOperationException(message);
