using System.Collections.Concurrent;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>
/// Lets the persist that delivers an event end the subscription it was delivered through, in the same commit.
/// WorkflowCore's event consumer reads an event's open subscriptions, gives the event to each one's pointer, persists
/// the workflow and then terminates the subscription in a call of its own: a second commit on the path from every event
/// to its workflow. Here the read notes each open subscription by its pointer; the persist that stores a pointer as just
/// given its event ends the subscription noted for it in its own transaction (so delivery and termination are atomic)
/// and remembers its id, and the termination that follows finds the id and writes nothing. A pointer waits for one
/// event at a time, so any open subscription of a pointer that has its event is spent. Held per process: what it
/// does not know (another node's read, an id it forgot) only means WorkflowCore's own termination writes as before.
/// </summary>
public sealed class DeliveredSubscriptions
{
    /// <summary>Ids kept at most in each map; past this they are forgotten, which only means WorkflowCore's own termination writes again.</summary>
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, byte> ended = new(StringComparer.Ordinal);
    /// <summary>Open subscriptions read for delivery, by instance and pointer (a pointer's id need only be unique in its instance).</summary>
    private readonly ConcurrentDictionary<(string InstanceId, string PointerId), string> openByPointer = new();

    /// <summary>Notes an open subscription read for delivery (the event consumer reads them just before it delivers).</summary>
    public void Seen(string instanceId, string? pointerId, string subscriptionId)
    {
        if (pointerId is null)
        {
            return;
        }

        if (openByPointer.Count >= MaxRemembered)
        {
            openByPointer.Clear();
        }

        openByPointer[(instanceId, pointerId)] = subscriptionId;
    }

    /// <summary>The open subscription last read for the pointer, forgotten here.</summary>
    public string? TakeSeen(string instanceId, string pointerId) => openByPointer.TryRemove((instanceId, pointerId), out var id) ? id : null;

    /// <summary>Remembers subscriptions a committed persist ended.</summary>
    public void Remember(IEnumerable<string> subscriptionIds)
    {
        foreach (var id in subscriptionIds)
        {
            if (ended.Count >= MaxRemembered)
            {
                // Ids WorkflowCore never asked to terminate (its consumer stopped between the two calls) would otherwise pile up.
                ended.Clear();
            }

            ended.TryAdd(id, 0);
        }
    }

    /// <summary>True, and forgotten, if a committed persist ended this subscription.</summary>
    public bool TryForget(string subscriptionId) => ended.TryRemove(subscriptionId, out _);
}
