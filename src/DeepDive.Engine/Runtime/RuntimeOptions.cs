namespace DeepDive.Engine.Runtime;

public sealed record RuntimeOptions
{
    /// <summary>How often the workflow engine looks in the store for due work (real time).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the engine's consumers idle when their queues are empty (real time).</summary>
    public TimeSpan IdleTime { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long Quartz sleeps at most between looks at its triggers (real time).</summary>
    public TimeSpan SchedulerIdleWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Run clustered with other processes on the same server database.</summary>
    public bool Clustered { get; init; }

    public string InstanceName { get; init; } = "deepdive";

    /// <summary>How a firing that hits a transient error is tried again before it is recorded as failed.</summary>
    public FiringFailures.FiringRetryOptions FiringRetry { get; init; } = new();

    /// <summary>
    /// Write the engine's log to standard error, one line per event (time, level, category, message), at the levels of
    /// the <c>Logging</c> section of <c>appsettings.json</c> (Information by default). <c>DEEPDIVE_LOG</c> overrides the
    /// level, and turns the log on where this is off (the demo, the simulation).
    /// </summary>
    public bool LogToStandardError { get; init; }

    /// <summary>How reminders and escalations leave the outbox: SMTP, or .eml files in a folder.</summary>
    public Notifications.NotificationSettings Notifications { get; init; } = new();
}
