using System.Runtime.CompilerServices;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>
/// Remembers the stored form of each execution pointer this process loaded or wrote, so persisting a
/// workflow writes only the pointers that changed. Held weakly: a pointer no longer in use is forgotten.
/// </summary>
public sealed class PointerSnapshots
{
    private readonly ConditionalWeakTable<ExecutionPointer, string> stored = new();

    public bool IsUnchanged(ExecutionPointer pointer, string document) =>
        stored.TryGetValue(pointer, out var previous) && string.Equals(previous, document, StringComparison.Ordinal);

    public void Remember(ExecutionPointer pointer, string document) => stored.AddOrUpdate(pointer, document);
}
