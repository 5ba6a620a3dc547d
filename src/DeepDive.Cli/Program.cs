using DeepDive.Cli.Commands;
using DeepDive.Cli.Hosting;
using DeepDive.Engine.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

// Spectre falls back to 80 columns when output is redirected; honour COLUMNS so logs and scripts get unwrapped lines.
if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns > 0)
{
    AnsiConsole.Profile.Width = columns;
}

// One composition root for every command (CliServices): building it starts nothing.
IServiceCollection services;
try
{
    services = CliServices.Create(args);
}
catch (SettingsException e)
{
    AnsiConsole.MarkupLineInterpolated($"[red]Error:[/] {e.Message}");
    return 1;
}

var app = new CommandApp(new TypeRegistrar(services));
app.Configure(config =>
{
    config.SetApplicationName("deepdive");
    config.AddCommand<InitCommand>("init").WithDescription("Create or upgrade the database schema.");
    config.AddBranch("import", import =>
    {
        import.SetDescription("Import the case register, the auditor pool or an action plan from CSV.");
        import.AddCommand<ImportCasesCommand>("cases").WithDescription("Import cases (case_ref, agency, case_type, team, worker, school, opened, closed, involved_agencies, family_ref, age_band, tags).");
        import.AddCommand<ImportAuditorsCommand>("auditors").WithDescription("Import auditors (auditor_id, name, agency, team, skills, monthly_capacity, manager, email).");
        import.AddCommand<ImportActionsCommand>("actions").WithDescription("Import an action plan (review, review_type, recommendation, action, owner_agency, due_date, status, as_at); the same file twice changes nothing.");
    });
    config.AddBranch("cycle", cycle =>
    {
        cycle.SetDescription("Configure the audit programme's cycles.");
        cycle.AddCommand<CycleAddCommand>("add").WithDescription("Add or update a cycle from its JSON file and schedule it.");
        cycle.AddCommand<CycleListCommand>("list").WithDescription("List the cycles and their status.");
        cycle.AddCommand<CycleNextCommand>("next").WithDescription("List a cycle's coming rounds in local time, with the reason for each one moved to a working day.");
        cycle.AddCommand<CycleEditCommand>("edit").WithDescription("Replace a cycle's definition from --file; rounds already open keep theirs.");
        cycle.AddCommand<CyclePauseCommand>("pause").WithDescription("Pause a cycle: no rounds until it is resumed.");
        cycle.AddCommand<CycleResumeCommand>("resume").WithDescription("Resume a paused cycle; firings missed while paused are skipped and listed.");
        cycle.AddCommand<CycleRetireCommand>("retire").WithDescription("Retire a cycle for good: its trigger goes, its rounds and history stay.");
        cycle.AddCommand<CycleRapidCommand>("rapid").WithDescription("Run a rapid round now (a cycle id or --file), tasks due in 5 working days.");
        cycle.AddCommand<CycleReportCommand>("report").WithDescription("A cycle's rounds (late ones marked), re-audit results and history.");
    });
    config.AddBranch("calendar", calendar =>
    {
        calendar.SetDescription("The working calendar: bank holidays and the partnership's school holidays.");
        calendar.AddCommand<CalendarImportTermsCommand>("import-terms").WithDescription("Import the partnership's school term dates (term, start, end); the days between terms are school holidays.");
        calendar.AddCommand<CalendarShowCommand>("show").WithDescription("Show a year's bank holidays and school holidays.");
    });
    config.AddBranch("auditor", auditor =>
    {
        auditor.SetDescription("Auditors' conflicts of interest.");
        auditor.AddCommand<DeclareConflictCommand>("declare-conflict").WithDescription("Record an auditor's conflict of interest with a case, a worker's cases or a team's cases, and why.");
        auditor.AddCommand<ConflictListCommand>("conflicts").WithDescription("List declared conflicts (of one auditor, or all) and line-management links.");
    });
    config.AddBranch("round", round =>
    {
        round.SetDescription("Rounds: their state, and tasks that have no auditor.");
        round.AddCommand<RoundListCommand>("list").WithDescription("List rounds, newest first, with cases, tasks and tasks without an auditor.");
        round.AddCommand<RoundShowCommand>("show").WithDescription("A round's summary, with each task that has no auditor and why in one line.");
        round.AddCommand<RoundRetryCommand>("retry").WithDescription("Open the round of a failed firing once its cause is fixed (one round, however often it is run).");
        round.AddCommand<RoundUnassignedCommand>("unassigned").WithDescription("Why each unassigned task of a round has no auditor: every auditor and the rule that excluded them.");
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
        sample.SetDescription("Review, lock and report rounds' samples.");
        sample.AddCommand<SampleReportCommand>("report").WithDescription("The sampling report of a round: snapshot, exclusions, method, seed, lists (md, html, csv, json).");
        sample.AddCommand<SampleLockCommand>("lock").WithDescription("Lock a reviewed draw; the round then assigns auditors and starts its deep dives.");
        sample.AddCommand<SampleReplaceCommand>("replace").WithDescription("Replace a case of a draw under review with the next unused reserve (--by, --reason).");
        sample.AddCommand<SampleAddCommand>("add").WithDescription("Add a case to a draw under review by hand, labelled as hand-added (--by, --reason).");
    });
    config.AddBranch("notifications", notifications =>
    {
        notifications.SetDescription("The notification outbox: reminders, escalations and notices.");
        notifications.AddCommand<NotificationsListCommand>("list").WithDescription("List notifications with their delivery status.");
        notifications.AddCommand<NotificationsRetryCommand>("retry").WithDescription("Queue again the notifications that gave up (an id, or --all-failed), once the cause is fixed.");
        notifications.AddCommand<NotificationsDeliverCommand>("deliver").WithDescription("Deliver what is due now (SMTP when configured, else .eml files).");
    });
    config.AddBranch("brief", brief =>
    {
        brief.SetDescription("The learning briefs (\"7-minute briefings\") that closed rounds wrote.");
        brief.AddCommand<BriefListCommand>("list").WithDescription("List every learning brief: round, cycle, the day it was written, title (Markdown; --out FILE).");
        brief.AddCommand<BriefShowCommand>("show").WithDescription("Show a round's learning brief as Markdown (--out FILE to write it to a file).");
    });
    config.AddBranch("feedback", feedback =>
    {
        feedback.SetDescription("Each school's feedback from Safeguarding in Education audits (written, not yet delivered).");
        feedback.AddCommand<FeedbackListCommand>("list").WithDescription("List the schools' feedback, of every round or of one: round, cycle, day written, school (Markdown; --out FILE).");
        feedback.AddCommand<FeedbackShowCommand>("show").WithDescription("Show one school's feedback from a round, or every school's, as Markdown (--out FILE to write it to a file).");
    });
    config.AddBranch("user", user =>
    {
        user.SetDescription("The people who sign in to the web app, and their API tokens.");
        user.AddCommand<UserAddCommand>("add").WithDescription("Add a user (--email, --name, --role manager|moderator|auditor|school|viewer, --auditor ID, --school NAME); a random password is printed once.");
        user.AddCommand<UserListCommand>("list").WithDescription("List the partnership's users with their role and last sign-in.");
        user.AddCommand<UserDisableCommand>("disable").WithDescription("Disable a user: no sign-in, API tokens revoked; their history stays.");
        user.AddCommand<UserResetPasswordCommand>("reset-password").WithDescription("Give a user a new random password (printed once) and lift a lockout.");
        user.AddCommand<UserTokenCommand>("token").WithDescription("Make a personal access token for the API, acting as the user (printed once, stored hashed).");
    });
    config.AddBranch("review", review =>
    {
        review.SetDescription("The case review register: rapid reviews, practice reviews, serious case, thematic and peer reviews.");
        review.AddCommand<ReviewListCommand>("list").WithDescription("List the case reviews: type, status, and their actions by status.");
        review.AddCommand<ReviewShowCommand>("show").WithDescription("A review's dates, status history, recommendations and actions.");
        review.AddCommand<ReviewUpdateCommand>("update").WithDescription("Change a review's status (on-hold needs --reason), type, dates and sign-off (--by).");
    });
    config.AddBranch("action", action =>
    {
        action.SetDescription("The action plans: actions from case reviews and audit rounds, with their RAG status.");
        action.AddCommand<ActionListCommand>("list").WithDescription("List actions (--review, --agency, --status, --proposed).");
        action.AddCommand<ActionShowCommand>("show").WithDescription("An action in full, with every change of its status.");
        action.AddCommand<ActionConfirmCommand>("confirm").WithDescription("Confirm an action a closed round proposed, editing it as it goes (--by, --due, --owner, --description...).");
        action.AddCommand<ActionUpdateCommand>("update").WithDescription("Change an action's status (red and amber need --comment, blue --evidence or --comment), recovery plan, owner or due date (--by).");
    });
    config.AddBranch("report", report =>
    {
        report.SetDescription("Reports for the partnership's committees.");
        report.AddCommand<ReportCommitteeCommand>("committee").WithDescription("The committee report for --period FROM..TO: the RAG-rated appendix and the audit programme (--format html|csv|json, --published, --out FILE).");
    });
    config.AddCommand<ServeCommand>("serve").WithDescription("Serve the web app for auditors, managers and schools on http://127.0.0.1:5080 (--urls), with the engine (or --no-engine).");
    config.AddCommand<StatusCommand>("status").WithDescription("The engine's state: database, scheduler, workflows, outbox, failed firings and failed jobs (--json).");
    config.AddCommand<RunCommand>("run").WithDescription("Run the engine: scheduled rounds, deep dives, re-audits.");
    config.AddCommand<SimulateCommand>("simulate").WithDescription("Preview a programme in virtual time: rounds, deadlines, reminders, re-audits, each auditor's workload per month (table and chart).");
    config.AddCommand<DemoCommand>("demo").WithDescription("Run a realistic audit year end to end in virtual time on a fresh SQLite database.");
    config.AddCommand<PurgeCommand>("purge").WithDescription("Delete finished workflows, processed events and errors older than their retention, in batches.");
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Measure the engine side by side with WorkflowCore's in-memory reference.");
        bench.AddCommand<BenchAssignmentCommand>("assignment").WithDescription("Time auditor assignment on a realistic round: 500 tasks over 100 auditors (goal: within one second).");
        bench.AddCommand<BenchWorkflowsCommand>("workflows").WithDescription("Throughput and resume latency of deep-dive-shaped workflows: in-memory, ours on SQLite, ours on PostgreSQL.");
        bench.AddCommand<BenchSamplingCommand>("sampling").WithDescription("The production draw beside the physical floor and ORDER BY RANDOM() on a register of 1,000,000 cases: SQLite, PostgreSQL.");
        bench.AddCommand<BenchWebCommand>("web").WithDescription("The web app under load: 100,000 tasks over 500 auditors, 50 signed-in auditors in another process on their inbox, task pages and one submission each (goal: p95 under 100 ms, no errors).");
        bench.AddCommand<BenchWebClientCommand>(BenchWebCommand.ClientCommand).IsHidden();
    });
    config.SetExceptionHandler((exception, _) =>
    {
        AnsiConsole.MarkupLineInterpolated($"[red]Error:[/] {exception.Message}");
        return exception is InvalidDataException or ArgumentException or SettingsException or DeepDive.Engine.Tasks.TaskRefusedException
            or DeepDive.Engine.Calendars.BankHolidayFileException or DeepDive.Engine.Rounds.SampleListRefusedException
            or DeepDive.Engine.Actions.ActionRefusedException ? 1 : 3;
    });
});
return await app.RunAsync(args);
