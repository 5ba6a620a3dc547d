using DeepDive.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

// Spectre falls back to 80 columns when output is redirected; honour COLUMNS so logs and scripts get unwrapped lines.
if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns > 0)
{
    AnsiConsole.Profile.Width = columns;
}

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("deepdive");
    config.AddCommand<InitCommand>("init").WithDescription("Create or upgrade the database schema.");
    config.AddBranch("import", import =>
    {
        import.SetDescription("Import the case register or the auditor pool from CSV.");
        import.AddCommand<ImportCasesCommand>("cases").WithDescription("Import cases (case_ref, agency, case_type, team, worker, school, opened, closed, involved_agencies).");
        import.AddCommand<ImportAuditorsCommand>("auditors").WithDescription("Import auditors (auditor_id, name, agency, team, skills, monthly_capacity).");
    });
    config.AddBranch("cycle", cycle =>
    {
        cycle.SetDescription("Configure the audit programme's cycles.");
        cycle.AddCommand<CycleAddCommand>("add").WithDescription("Add or update a cycle from its JSON file and schedule it.");
        cycle.AddCommand<CycleListCommand>("list").WithDescription("List the cycles.");
    });
    config.AddBranch("task", task =>
    {
        task.SetDescription("Deep-dive tasks for auditors.");
        task.AddCommand<TaskListCommand>("list").WithDescription("List open tasks, optionally for one auditor.");
        task.AddCommand<TaskSubmitCommand>("submit").WithDescription("Submit the completed audit tool for a task.");
    });
    config.AddBranch("workflows", workflows =>
    {
        workflows.SetDescription("The workflow definitions: their ids, versions and steps.");
        workflows.AddCommand<WorkflowsListCommand>("list").WithDescription("List every definition and version: id, description, step count, source file.");
        workflows.AddCommand<WorkflowsValidateCommand>("validate").WithDescription("Check every definition against the schema and the step vocabulary.");
        workflows.AddCommand<WorkflowsShowCommand>("show").WithDescription("Show a definition's steps as an outline (the latest version unless --version).");
    });
    config.AddBranch("sample", sample =>
    {
        sample.SetDescription("How rounds drew their samples.");
        sample.AddCommand<SampleReportCommand>("report").WithDescription("The sampling report of a round: snapshot, exclusions, method, seed, lists (md, html, csv, json).");
    });
    config.AddCommand<RunCommand>("run").WithDescription("Run the engine: scheduled rounds, deep dives, re-audits.");
    config.AddCommand<DemoCommand>("demo").WithDescription("Run a realistic audit year end to end in virtual time on a fresh SQLite database.");
    config.AddCommand<PurgeCommand>("purge").WithDescription("Delete finished workflows, processed events and errors older than their retention, in batches.");
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Measure the engine side by side with WorkflowCore's in-memory reference.");
        bench.AddCommand<BenchWorkflowsCommand>("workflows").WithDescription("Throughput and resume latency of deep-dive-shaped workflows: in-memory, ours on SQLite, ours on PostgreSQL.");
        bench.AddCommand<BenchSamplingCommand>("sampling").WithDescription("The production draw beside the physical floor and ORDER BY RANDOM() on a register of 1,000,000 cases: SQLite, PostgreSQL.");
    });
    config.SetExceptionHandler((exception, _) =>
    {
        AnsiConsole.MarkupLineInterpolated($"[red]Error:[/] {exception.Message}");
        return exception is InvalidDataException or ArgumentException or DeepDive.Engine.Tasks.TaskRefusedException ? 1 : 3;
    });
});
return await app.RunAsync(args);
