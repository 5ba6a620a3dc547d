using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>
/// Every statement <see cref="DapperPersistenceProvider"/> runs, in one place so the tests can check each of them
/// against every dialect (SQL Server's by its parser, as no server runs here). Constants are written once for all
/// dialects; the methods build the statements that differ through <see cref="ISqlDialect"/>.
/// </summary>
internal static class ProviderSql
{
    public static class Instances
    {
        public const string Insert = """
            INSERT INTO wf_instance (id, partnership_id, definition_id, version, description, reference, status, next_execution, data_json, create_time, complete_time)
            VALUES (@Id, @PartnershipId, @DefinitionId, @Version, @Description, @Reference, @Status, @NextExecution, @DataJson, @CreateTime, @CompleteTime)
            """;

        public const string Update = """
            UPDATE wf_instance
            SET description = @Description, reference = @Reference, status = @Status, next_execution = @NextExecution,
                data_json = @DataJson, complete_time = @CompleteTime, version = @Version
            WHERE id = @Id
            """;

        /// <summary>
        /// An instance and its pointers in one statement: the instance's row (Kind 0) and one row per pointer (Kind 1,
        /// only BodyJson set), so the instance's data is read once however many pointers it has.
        /// </summary>
        public const string WithPointers = """
            SELECT 0 AS Kind, id AS Id, definition_id AS DefinitionId, version AS Version, description AS Description, reference AS Reference,
                   status AS Status, next_execution AS NextExecution, data_json AS DataJson, create_time AS CreateTime,
                   complete_time AS CompleteTime, NULL AS BodyJson
            FROM wf_instance WHERE id = @Id
            UNION ALL
            SELECT 1, NULL, NULL, 0, NULL, NULL, 0, NULL, NULL, 0, NULL, body_json
            FROM wf_pointer WHERE instance_id = @Id
            """;

        public const string Runnable =
            "SELECT id FROM wf_instance WHERE status = 0 AND next_execution IS NOT NULL AND next_execution <= @Now ORDER BY next_execution";

        public const string Filtered = """
            SELECT id FROM wf_instance
            WHERE (@Status IS NULL OR status = @Status) AND (@Type IS NULL OR definition_id = @Type)
              AND (@From IS NULL OR create_time >= @From) AND (@To IS NULL OR create_time <= @To)
            ORDER BY create_time, id
            """;
    }

    public static class Pointers
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<DatabaseKind, string> Upserts = new();

        /// <summary>Built once per kind of database: it runs at every step.</summary>
        public static string Upsert(ISqlDialect dialect) =>
            Upserts.GetOrAdd(dialect.Kind, _ => dialect.Upsert("wf_pointer", ["instance_id", "id"], ["body_json"]));
    }

    public static class Subscriptions
    {
        private const string Columns = """
            id AS Id, instance_id AS InstanceId, step_id AS StepId, pointer_id AS PointerId, event_name AS EventName, event_key AS EventKey,
            subscribe_as_of AS SubscribeAsOf, data_json AS DataJson, external_token AS ExternalToken, external_worker_id AS ExternalWorkerId,
            external_token_expiry AS ExternalTokenExpiry
            """;

        public const string Insert = """
            INSERT INTO wf_subscription (id, instance_id, step_id, pointer_id, event_name, event_key, subscribe_as_of, data_json,
                                         external_token, external_worker_id, external_token_expiry, terminated)
            VALUES (@Id, @InstanceId, @StepId, @PointerId, @EventName, @EventKey, @SubscribeAsOf, @DataJson,
                    @ExternalToken, @ExternalWorkerId, @ExternalTokenExpiry, 0)
            """;

        public const string Open = $"""
            SELECT {Columns} FROM wf_subscription
            WHERE terminated = 0 AND event_name = @EventName AND event_key = @EventKey AND subscribe_as_of <= @AsOf
            ORDER BY subscribe_as_of, id
            """;

        public const string Terminate = "UPDATE wf_subscription SET terminated = 1 WHERE id = @Id";

        public const string ById = $"SELECT {Columns} FROM wf_subscription WHERE id = @Id AND terminated = 0";

        public const string TakeToken = """
            UPDATE wf_subscription SET external_token = @Token, external_worker_id = @WorkerId, external_token_expiry = @Expiry
            WHERE id = @Id AND terminated = 0 AND external_token IS NULL
            """;

        public const string ClearToken = """
            UPDATE wf_subscription SET external_token = NULL, external_worker_id = NULL, external_token_expiry = NULL
            WHERE id = @Id AND external_token = @Token
            """;

        public static string FirstOpen(ISqlDialect dialect) => dialect.Top($"""
            SELECT {Columns} FROM wf_subscription
            WHERE terminated = 0 AND external_token IS NULL AND event_name = @EventName AND event_key = @EventKey AND subscribe_as_of <= @AsOf
            ORDER BY subscribe_as_of, id
            """, 1);
    }

    public static class Events
    {
        public const string Insert = """
            INSERT INTO wf_event (id, event_name, event_key, data_json, event_time, is_processed)
            VALUES (@Id, @EventName, @EventKey, @DataJson, @EventTime, @IsProcessed)
            """;

        public const string ById = """
            SELECT id AS Id, event_name AS EventName, event_key AS EventKey, data_json AS DataJson, event_time AS EventTime, is_processed AS IsProcessed
            FROM wf_event WHERE id = @Id
            """;

        // Only events a workflow waits for: one nobody waits for yet is delivered when its subscription is made
        // (WorkflowCore looks up earlier events then), so polling it again and again would only load the store.
        public const string Runnable = """
            SELECT e.id FROM wf_event e
            WHERE e.is_processed = 0 AND e.event_time <= @AsAt
              AND EXISTS (SELECT 1 FROM wf_subscription s
                          WHERE s.terminated = 0 AND s.event_name = e.event_name AND s.event_key = e.event_key AND s.subscribe_as_of <= e.event_time)
            ORDER BY e.event_time, e.id
            """;

        public const string FromTime =
            "SELECT id FROM wf_event WHERE event_name = @EventName AND event_key = @EventKey AND event_time >= @AsOf ORDER BY event_time, id";

        public const string SetProcessed = "UPDATE wf_event SET is_processed = @Value WHERE id = @Id";

        public const string CountByKey = "SELECT COUNT(*) FROM wf_event WHERE event_name = @EventName AND event_key = @EventKey";
    }

    public static class Commands
    {
        public const string Due = """
            SELECT command_name AS CommandName, data AS Data, execute_time AS ExecuteTime
            FROM wf_scheduled_command WHERE execute_time <= @AsOf ORDER BY execute_time
            """;

        public const string DeleteDue = "DELETE FROM wf_scheduled_command WHERE execute_time <= @AsOf";

        /// <summary>One statement: the same command scheduled again keeps the earlier of the two times.</summary>
        public static string Schedule(ISqlDialect dialect) =>
            dialect.UpsertKeepingEarliest("wf_scheduled_command", ["command_name", "data"], "execute_time");
    }

    public static class Errors
    {
        public const string Insert = """
            INSERT INTO wf_error (instance_id, pointer_id, error_time, message)
            VALUES (@InstanceId, @PointerId, @ErrorTime, @Message)
            """;
    }
}
