using System.ComponentModel;
using Spectre.Console.Cli;

namespace DeepDive.Cli;

/// <summary>
/// Where the data lives and whose it is: shared by every command that touches the store. <c>--db</c> is read before
/// the command runs, as the setting it stands for (<see cref="Hosting.CliConfiguration"/>), so every service the command
/// receives already uses it.
/// </summary>
public class DatabaseSettings : CommandSettings
{
    [CommandOption("--db <CONNECTION>")]
    [Description("SQLite file path, or a PostgreSQL (Host=...) or SQL Server (Server=...) connection string. Sets ConnectionStrings:DeepDive; default: $DEEPDIVE_DB, then appsettings.json, then deepdive.db.")]
    public string? Db { get; init; }

    [CommandOption("--partnership <ID>")]
    [Description("The partnership (tenant) to work in. Default: default.")]
    [DefaultValue("default")]
    public string Partnership { get; init; } = "default";
}
