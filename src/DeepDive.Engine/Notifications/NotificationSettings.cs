namespace DeepDive.Engine.Notifications;

/// <summary>
/// How notifications leave the outbox: by SMTP when <see cref="Smtp"/> is set, otherwise as .eml files in
/// <see cref="Folder"/> (one file per message, ready to open in any mail client or hand to a relay).
/// </summary>
public sealed record NotificationSettings
{
    public string FromAddress { get; init; } = "deepdive@localhost";
    public string FromName { get; init; } = "DeepDive audit programme";

    /// <summary>Where escalations go besides the auditor's manager: the partnership's business support team.</summary>
    public string BusinessTeamAddress { get; init; } = "business-team@localhost";

    public string Folder { get; init; } = "outbox";

    /// <summary>The web app's address as people reach it (e.g. https://deepdive.council.example), for links in messages; without it a link is a path.</summary>
    public string? SiteAddress { get; init; }

    /// <summary>A link to a page of the web app: <see cref="SiteAddress"/> and the path, or the path alone.</summary>
    public string Link(string path) => (SiteAddress?.TrimEnd('/') ?? "") + path;
    public SmtpSettings? Smtp { get; init; }
}

public sealed record SmtpSettings
{
    public required string Host { get; init; }
    public int Port { get; init; } = 587;

    /// <summary>auto (STARTTLS when offered), starttls, ssl or none.</summary>
    public string Security { get; init; } = "auto";

    public string? User { get; init; }
    public string? Password { get; init; }
}
