using DeepDive.Engine.Actions;
using DeepDive.Engine.Assignment;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.DeepDives;
using DeepDive.Engine.FiringFailures;
using DeepDive.Engine.Import;
using DeepDive.Engine.Learning;
using DeepDive.Engine.Notifications;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.ReAudits;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Status;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DeepDive.Engine.Hosting;

/// <summary>
/// What a host that only reads and writes rows needs: the database, the clock, the settings and every store. Nothing
/// here starts a thread, touches Quartz or the workflow host; an event a store publishes waits in the store for
/// whichever process runs the engine.
/// </summary>
internal static class StoreRegistration
{
    public static IServiceCollection AddStores(this IServiceCollection services, Database database, RuntimeOptions options)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(database);
        services.TryAddSingleton(options);
        services.TryAddSingleton(options.FiringRetry);
        services.TryAddSingleton(options.Notifications);
        services.TryAddSingleton(WorkflowTypes.CreateSerializer());
        services.TryAddSingleton(sp => new EventPublisher(sp.GetRequiredService<WorkflowJson>()));

        services.TryAddSingleton<PartnershipStore>();
        services.TryAddSingleton<CaseStore>();
        services.TryAddSingleton<CaseImporter>();
        services.TryAddSingleton<AuditorStore>();
        services.TryAddSingleton<AuditorImporter>();
        services.TryAddSingleton<DeclaredConflictStore>();
        services.TryAddSingleton<CalendarStore>();
        services.TryAddSingleton<BankHolidayStore>();
        services.TryAddSingleton<SchoolTermStore>();
        services.TryAddSingleton<SchoolTermImporter>();
        services.TryAddSingleton<CycleStore>();
        services.TryAddSingleton<RoundStore>();
        services.TryAddSingleton<SampleDrawer>();
        services.TryAddSingleton<SampleList>();
        services.TryAddSingleton<SampleReport>();
        services.TryAddSingleton<RoundTasksQuery>();
        services.TryAddSingleton<Reporting.ProgrammeYearQuery>();
        services.TryAddSingleton<DeepDiveStore>();
        services.TryAddSingleton<TaskBoard>();
        services.TryAddSingleton<TaskDraftStore>();
        services.TryAddSingleton<AuditorTaskQuery>();
        services.TryAddSingleton<ReAuditStore>();
        services.TryAddSingleton<LearningStore>();
        services.TryAddSingleton<MonthlyLoad>();
        services.TryAddSingleton<RoundAssignment>();
        services.TryAddSingleton<UnassignedTaskStore>();
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<OutboxQuery>();
        services.TryAddSingleton<CycleCasesQuery>();
        services.TryAddSingleton<TaskChasing>();
        services.TryAddSingleton<FailedFirings>();
        services.TryAddSingleton<JobFailures>();
        services.TryAddSingleton<EngineStatusQuery>();
        services.TryAddSingleton<Scheduling.CycleNext>();
        services.TryAddSingleton<WorkflowPurger>();
        services.TryAddSingleton<Users.UserStore>();
        services.TryAddSingleton<Users.ApiTokenStore>();
        services.TryAddSingleton<Users.AccessLogStore>();
        services.TryAddSingleton<Users.SessionStore>();
        services.TryAddSingleton<Users.DataProtectionKeyStore>();
        services.TryAddSingleton<CaseReviewStore>();
        services.TryAddSingleton<ActionStore>();
        services.TryAddSingleton<ActionUpdates>();
        services.TryAddSingleton<ActionImporter>();
        services.TryAddSingleton<Reports.CommitteeReportQuery>();
        return services;
    }
}
