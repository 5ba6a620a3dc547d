namespace DeepDive.Domain.Actions;

/// <summary>
/// How an action stands: red (off track, or overdue with no recovery plan), amber (in progress, at risk or partly done),
/// green (on track) or blue (complete, with evidence or a written justification).
/// </summary>
public enum RagStatus
{
    Red,
    Amber,
    Green,
    Blue,
}

/// <summary>The names a RAG status is stored and written with, and the labels people read.</summary>
public static class RagStatuses
{
    // In the order declared; not a collection expression, whose constant data would be a type outside the domain's namespaces.
    public static IReadOnlyList<RagStatus> All { get; } = Array.AsReadOnly(Enum.GetValues<RagStatus>());

    /// <summary>The four names as a sentence lists them: "red, amber, green or blue".</summary>
    public const string NameList = "red, amber, green or blue";

    /// <summary>Reads a status in any case ("Amber", "GREEN"), ignoring spaces around it.</summary>
    public static bool TryParse(string? text, out RagStatus status)
    {
        status = default;
        var name = text?.Trim().ToLowerInvariant();
        foreach (var candidate in All)
        {
            if (Name(candidate) == name)
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }

    public static RagStatus Parse(string text) =>
        TryParse(text, out var status) ? status : throw new ArgumentException($"'{text}' is not a status: use {NameList}.", nameof(text));

    public static string Name(RagStatus status) => status switch
    {
        RagStatus.Red => "red",
        RagStatus.Amber => "amber",
        RagStatus.Green => "green",
        RagStatus.Blue => "blue",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Label(RagStatus status) => status switch
    {
        RagStatus.Red => "Red",
        RagStatus.Amber => "Amber",
        RagStatus.Green => "Green",
        RagStatus.Blue => "Blue",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>What the status means, for keys and hints.</summary>
    public static string Meaning(RagStatus status) => status switch
    {
        RagStatus.Red => "off track, or overdue with no recovery plan",
        RagStatus.Amber => "in progress, at risk or partly done",
        RagStatus.Green => "on track",
        RagStatus.Blue => "complete",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
