namespace DeepDive.Engine.Hosting;

/// <summary>Settings that cannot be used, each problem naming the configuration key and why.</summary>
public sealed class SettingsException(IReadOnlyList<SettingsProblem> problems)
    : Exception("The settings cannot be used:" + string.Concat(problems.Select(p => $"{Environment.NewLine}  {p}")))
{
    public IReadOnlyList<SettingsProblem> Problems { get; } = problems;
}

/// <summary>One setting that cannot be used: its key (as in appsettings.json, sections joined by ':') and the reason.</summary>
public sealed record SettingsProblem(string Key, string Reason)
{
    public override string ToString() => $"{Key}: {Reason}";
}
