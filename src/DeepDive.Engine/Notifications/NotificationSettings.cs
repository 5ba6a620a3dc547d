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
