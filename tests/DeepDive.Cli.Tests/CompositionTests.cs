using DeepDive.Cli.Commands;
using DeepDive.Cli.Hosting;
using DeepDive.Engine.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WorkflowCore.Interface;

namespace DeepDive.Cli.Tests;

/// <summary>Every command gets its services from the shared composition root; one that only reads or writes rows runs no engine.</summary>
public sealed class CompositionTests
{
    /// <summary>Commands that read or write rows and nothing else: none may receive the scheduler, the workflow host or the engine.</summary>
    private static readonly Type[] RowCommandTypes =
    [
        typeof(TaskListCommand), typeof(RoundListCommand), typeof(RoundShowCommand), typeof(RoundUnassignedCommand),
        typeof(SampleReportCommand), typeof(SampleReplaceCommand), typeof(SampleAddCommand),
        typeof(ConflictListCommand), typeof(DeclareConflictCommand), typeof(CycleListCommand), typeof(CycleNextCommand),
        typeof(CycleReportCommand), typeof(CalendarShowCommand), typeof(CalendarImportTermsCommand),
        typeof(ImportCasesCommand), typeof(ImportAuditorsCommand), typeof(StatusCommand), typeof(NotificationsListCommand),
        typeof(NotificationsRetryCommand), typeof(NotificationsDeliverCommand), typeof(BriefListCommand), typeof(BriefShowCommand),
        typeof(FeedbackListCommand), typeof(FeedbackShowCommand), typeof(PurgeCommand),
    ];

    public static TheoryData<Type> RowCommands() => new(RowCommandTypes);

    /// <summary>The CLI's own container, with the engine's parts replaced by ones that fail when anything asks for them.</summary>
    private static ServiceProvider WithoutEngine()
    {
        var services = CliServices.Create(["round", "list", "--db", Path.Combine(Path.GetTempPath(), "deepdive-tests", "never-opened.db")]);
        foreach (var engineType in new[] { typeof(EngineHost), typeof(EngineActivity), typeof(IWorkflowHost), typeof(ISchedulerFactory) })
        {
            services.AddSingleton(engineType, _ => throw new InvalidOperationException($"a row command asked for {engineType.Name}"));
        }

        foreach (var command in RowCommandTypes.Append(typeof(TaskSubmitCommand)))
        {
            services.AddTransient(command);
        }

        return services.BuildServiceProvider();
    }

    [Theory]
    [MemberData(nameof(RowCommands))]
    public void A_command_that_only_reads_or_writes_rows_is_built_without_the_engine(Type command)
    {
        using var provider = WithoutEngine();

        provider.GetRequiredService(command).Should().NotBeNull();
    }

    [Fact]
    public void A_command_that_runs_the_engine_asks_for_it_so_the_check_above_can_fail()
    {
        using var provider = WithoutEngine();

        var act = () => provider.GetRequiredService<TaskSubmitCommand>();

        act.Should().Throw<InvalidOperationException>().WithMessage("a row command asked for EngineHost");
    }

    [Fact]
    public void The_db_flag_sets_the_connection_setting_and_run_maps_its_engine_flags()
    {
        CliConfiguration.FlagsAsSettings(["round", "list", "--db", "x.db"]).Should().Equal(new Dictionary<string, string?> { ["ConnectionStrings:DeepDive"] = "x.db" });
        CliConfiguration.FlagsAsSettings(["run", "--clustered", "--poll-ms=250", "--db=Host=h"]).Should().Equal(new Dictionary<string, string?>
        {
            ["DeepDive:Engine:Clustered"] = "true",
            ["DeepDive:Engine:PollInterval"] = "00:00:00.2500000",
            ["ConnectionStrings:DeepDive"] = "Host=h",
        });
        CliConfiguration.FlagsAsSettings(["bench", "workflows", "--poll-ms", "50"]).Should().BeEmpty("only run's --poll-ms is the engine's setting");
    }
}
