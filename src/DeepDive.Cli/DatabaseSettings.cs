using System.ComponentModel;
using System.Text.Json;
using DeepDive.Engine.Storage;
using Spectre.Console.Cli;

namespace DeepDive.Cli;

/// <summary>Where the data lives and whose it is: shared by every command that touches the store.</summary>
public class DatabaseSettings : CommandSettings
{
    [CommandOption("--db <CONNECTION>")]
    [Description("SQLite file path, or a PostgreSQL (Host=...) or SQL Server (Server=...) connection string. Default: $DEEPDIVE_DB, then ConnectionStrings:DeepDive in appsettings.json, then deepdive.db.")]
    public string? Db { get; init; }

    [CommandOption("--partnership <ID>")]
    [Description("The partnership (tenant) to work in. Default: default.")]
    [DefaultValue("default")]
    public string Partnership { get; init; } = "default";

    public Database OpenDatabase() => Database.Open(ResolveConnection());

    public string ResolveConnection()
    {
        if (!string.IsNullOrWhiteSpace(Db))
        {
            return Db;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("DEEPDIVE_DB");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        if (File.Exists("appsettings.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText("appsettings.json"));
            if (document.RootElement.TryGetProperty("ConnectionStrings", out var strings)
                && strings.TryGetProperty("DeepDive", out var value) && value.GetString() is { Length: > 0 } configured)
            {
                return configured;
            }
        }

        return "deepdive.db";
    }
}
