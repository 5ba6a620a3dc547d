using DeepDive.Engine.Auditors;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Scheduling;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Definitions;
using DeepDive.Engine.Workflows.Execution;
using DeepDive.Engine.Workflows.Locks;
using DeepDive.Engine.Workflows.Queues;
using DeepDive.Engine.Workflows.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using WorkflowCore.Interface;
using WorkflowCore.Services;

namespace DeepDive.Engine.Runtime;

/// <summary>Wires the engine: storage, WorkflowCore on our Dapper store, Quartz on its persistent store, and the domain services.</summary>
public static class RuntimeServices
{
    public static ServiceCollection Build(Database database, TimeProvider clock, RuntimeOptions options)
    {
        if (options.Clustered && !database.Dialect.SupportsSeveralNodes)
        {
            throw new InvalidOperationException(
                "SQLite runs as a single node: several processes cannot share it. Use PostgreSQL or SQL Server to run clustered.");
        }

        var services = new ServiceCollection();
        services.AddLogging(b => EngineLogging.Configure(b, options.LogToStandardError));
        services.AddSingleton(database);
        services.AddSingleton(clock);
        services.AddSingleton(options);
        services.AddSingleton(WorkflowTypes.CreateSerializer());
        services.AddSingleton<PointerSnapshots>();
        services.AddSingleton<ExecutionJournal>();
        services.AddSingleton<StepWrites>();
        services.AddSingleton<DeliveredSubscriptions>();

        services.AddWorkflow(o =>
        {
            o.UsePersistence(sp => new DapperPersistenceProvider(
                sp.GetRequiredService<Database>(), sp.GetRequiredService<WorkflowJson>(),
                sp.GetRequiredService<PointerSnapshots>(), sp.GetRequiredService<StepWrites>(), sp.GetRequiredService<DeliveredSubscriptions>(),
                new ImmediateCommands(sp.GetRequiredService<IQueueProvider>(), sp.GetRequiredService<IDateTimeProvider>())));
            if (database.Dialect.Kind == DatabaseKind.Sqlite)
            {
                o.UseDistributedLockManager(_ => new WaitingWorkflowLocks(new SingleNodeLockProvider(), WaitingWorkflowLocks.DefaultMaxWait));
            }
            else
            {
                // Any process may share a server database, so instances are locked in the database, not just in memory.
                ILockStatements statements = database.Dialect.Kind == DatabaseKind.Postgres ? new PostgresAdvisoryLocks() : new SqlServerAppLocks();
                o.UseDistributedLockManager(sp => new WaitingWorkflowLocks(new DatabaseLockProvider(sp.GetRequiredService<Database>(), statements,
                    sp.GetRequiredService<ILogger<DatabaseLockProvider>>()), WaitingWorkflowLocks.DefaultMaxWait));
            }

            o.UseQueueProvider(_ => new DeduplicatingQueueProvider());
            o.UsePollInterval(options.PollInterval);
            o.UseIdleTime(options.IdleTime);
            o.UseErrorRetryInterval(TimeSpan.FromMinutes(5));
            EngineSettings.Apply(o);
        });
        services.AddChainedSteps();
        services.AddSingleton<IDateTimeProvider>(new TimeProviderClock(clock));

        foreach (var step in StepVocabulary.DomainSteps.Values)
        {
            services.AddTransient(step);
        }

        services.AddSingleton(sp => new EventPublisher(sp.GetRequiredService<WorkflowJson>(), sp.GetRequiredService<IQueueProvider>()));
        services.AddSingleton<WorkflowStarter>();
        services.AddSingleton<RoundStore>();
        services.AddSingleton<RoundStarter>();
        services.AddSingleton<SampleDrawer>();
        services.AddSingleton<SampleList>();
        services.AddSingleton<DeepDives.DeepDiveStore>();
        services.AddSingleton<ReAudits.ReAuditStore>();
        services.AddSingleton<Learning.LearningStore>();
        services.AddSingleton<CaseStore>();
        services.AddSingleton<AuditorStore>();
        services.AddSingleton<DeepDive.Engine.Assignment.MonthlyLoad>();
        services.AddSingleton<DeepDive.Engine.Assignment.RoundAssignment>();
        services.AddSingleton<DeepDive.Engine.Assignment.UnassignedTaskStore>();
        services.AddSingleton<DeclaredConflictStore>();
        services.AddSingleton<CycleScheduler>();
        services.AddSingleton<CycleStore>();
        services.AddSingleton<CalendarStore>();
        services.AddSingleton<MovedRoundScheduler>();
        services.AddSingleton<RoundFiring>();
        services.AddSingleton<CycleTriggers>();
        services.AddSingleton<DeepDive.Engine.Cycles.CycleLifecycle>();
        services.AddSingleton<ReAuditScheduler>();
        services.AddSingleton<JobTracker>();
        services.AddSingleton<JobFailures>();
        services.AddSingleton(options.FiringRetry);
        services.AddSingleton<FiringFailures.FailedFirings>();
        services.AddSingleton<FiringFailures.FiringGuard>();
        services.AddSingleton<FiringFailures.FiringRetry>();
        services.AddSingleton<DeepDive.Engine.Tasks.TaskBoard>();
        services.AddTransient<StartRoundJob>();
        services.AddSingleton(options.Notifications);
        services.AddSingleton<Notifications.Outbox>();
        services.AddSingleton<Notifications.TaskChasing>();
        services.AddSingleton<Notifications.ChaseScheduler>();
        services.AddTransient<Notifications.ChaseJob>();
        services.AddSingleton<Notifications.INotificationSender>(_ => options.Notifications.Smtp is { } smtp
            ? new Notifications.SmtpSender(smtp)
            : new Notifications.EmlFolderSender(options.Notifications.Folder));
        services.AddSingleton(sp => new Notifications.OutboxDispatcher(
            sp.GetRequiredService<Notifications.Outbox>(), sp.GetRequiredService<Notifications.INotificationSender>(), options.Notifications,
            $"{options.InstanceName}@{Environment.MachineName}/{Environment.ProcessId}", sp.GetRequiredService<ILogger<Notifications.OutboxDispatcher>>()));
        services.AddTransient<ReAuditJob>();

        services.AddQuartz(q =>
        {
            q.UseTimeProvider(clock);
            q.UseDefaultThreadPool(2);
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = options.InstanceName;
                s.IdleWaitTime = options.SchedulerIdleWait;
                if (options.Clustered)
                {
                    s.InstanceId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
                }
            });
            q.AddJobListener(sp => sp.GetRequiredService<JobTracker>());
            q.UsePersistentStore(s =>
            {
                switch (database.Dialect.Kind)
                {
                    case DatabaseKind.Sqlite:
                        s.UseSqlite(database.ConnectionString);
                        break;
                    case DatabaseKind.Postgres:
                        s.UsePostgres(database.ConnectionString);
                        break;
                    case DatabaseKind.SqlServer:
                        s.UseSqlServer(database.ConnectionString);
                        break;
                }

                s.ProvisionSchema();
                if (options.Clustered)
                {
                    s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
                }
            });
        });
        return services;
    }
}
