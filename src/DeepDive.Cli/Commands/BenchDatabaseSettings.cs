using System.ComponentModel;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

/// <summary>What every bench takes: where PostgreSQL is (or that it is left out), and whether to print JSON.</summary>
public class BenchDatabaseSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Print the results as JSON instead of a table.")]
    public bool Json { get; init; }

    [CommandOption("--postgres <CONNECTION>")]
    [Description("A PostgreSQL server (Host=...) to create the bench databases on. Default: start a throwaway server when PostgreSQL 15 is installed.")]
    public string? Postgres { get; init; }

    [CommandOption("--no-postgres")]
    [Description("Leave PostgreSQL out: measure the in-process and SQLite figures only.")]
    public bool NoPostgres { get; init; }
}
