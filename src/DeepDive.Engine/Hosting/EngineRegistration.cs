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
using DeepDive.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Quartz;
using WorkflowCore.Interface;
using WorkflowCore.Services;

namespace DeepDive.Engine.Hosting;

/// <summary>
/// What running the engine adds to the stores: WorkflowCore on our Dapper store, Quartz on its persistent store, the
/// jobs, the outbox dispatcher, and <see cref="EngineHost"/> that starts and stops them.
/// </summary>
internal static class EngineRegistration
{
    public static IServiceCollection AddEngine(this IServiceCollection services, Database database, TimeProvider clock, RuntimeOptions options)
    {
        if (options.Clustered && !database.Dialect.SupportsSeveralNodes)
        {
            throw new InvalidOperationException(
                "SQLite runs as a single node: several processes cannot share it. Use PostgreSQL or SQL Server to run clustered.");
        }

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

        // In the engine's process a published event wakes its workflow at once; elsewhere it waits for the next poll.
        services.Replace(ServiceDescriptor.Singleton(sp => new EventPublisher(sp.GetRequiredService<WorkflowJson>(), sp.GetRequiredService<IQueueProvider>())));
        services.AddSingleton<WorkflowStarter>();
        services.AddSingleton<RoundStarter>();
        services.AddSingleton<CycleScheduler>();
        services.AddSingleton<MovedRoundScheduler>();
        services.AddSingleton<RoundFiring>();
        services.AddSingleton<CycleTriggers>();
        services.AddSingleton<DeepDive.Engine.Cycles.CycleLifecycle>();
        services.AddSingleton<ReAuditScheduler>();
        services.AddSingleton<JobTracker>();
        services.AddSingleton<FiringFailures.FiringGuard>();
        services.AddSingleton<FiringFailures.FiringRetry>();
        services.AddTransient<StartRoundJob>();
        services.AddSingleton<Notifications.ChaseScheduler>();
        services.AddTransient<Notifications.ChaseJob>();
        services.AddSingleton<Actions.ActionFollowUp>();
        services.AddSingleton<Actions.ActionScheduler>();
        services.AddTransient<Actions.ActionJob>();
        services.AddSingleton<Notifications.INotificationSender>(_ => options.Notifications.Smtp is { } smtp
            ? new Notifications.SmtpSender(smtp)
            : new Notifications.EmlFolderSender(options.Notifications.Folder));
        services.AddSingleton(sp => new Notifications.OutboxDispatcher(
            sp.GetRequiredService<Notifications.Outbox>(), sp.GetRequiredService<Notifications.INotificationSender>(), options.Notifications,
            $"{options.InstanceName}@{Environment.MachineName}/{Environment.ProcessId}", sp.GetRequiredService<ILogger<Notifications.OutboxDispatcher>>()));
        services.AddTransient<ReAuditJob>();
        services.AddSingleton<EngineDefinitions>();
        services.AddSingleton<EngineHost>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineHost>());
        services.AddSingleton<EngineActivity>();

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
