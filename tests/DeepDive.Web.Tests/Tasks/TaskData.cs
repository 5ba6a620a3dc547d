using Dapper;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Tasks;

/// <summary>Tasks of the demo partnership picked for a test, the answer form's fields, and what the database holds afterwards.</summary>
internal static class TaskData
{
    /// <summary>
    /// An auditor's open tasks, earliest due first; with <paramref name="alone"/>, only those that are their deep dive's one task. A
    /// task submitted while the engine is not running stays open (its event waits), so tests that submit keep their indexes; with
    /// <paramref name="withoutSubmitted"/> those are left out.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OpenTasksAsync(TestApp app, string auditorId, bool alone = false, bool withoutSubmitted = false)
    {
        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        var ids = await connection.QueryAsync<string>("""
            SELECT t.task_id FROM audit_task t
             WHERE t.partnership_id = 'demo' AND t.auditor_id = @AuditorId AND t.status = 'open'
               AND (@Alone = 0 OR (SELECT COUNT(*) FROM audit_task o WHERE o.deep_dive_id = t.deep_dive_id) = 1)
               AND (@WithoutSubmitted = 0 OR NOT EXISTS (SELECT 1 FROM wf_event e WHERE e.event_name = 'task-submitted' AND e.event_key = t.task_id))
             ORDER BY t.due_utc, t.task_id
            """, new { AuditorId = auditorId, Alone = alone ? 1 : 0, WithoutSubmitted = withoutSubmitted ? 1 : 0 });
        return [.. ids];
    }

    /// <summary>A task the auditor submitted in a round that has closed since.</summary>
    public static async Task<string> ClosedRoundTaskAsync(TestApp app, string auditorId)
    {
        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        return await connection.QueryFirstAsync<string>("""
            SELECT t.task_id FROM audit_task t JOIN audit_round r ON r.round_id = t.round_id
             WHERE t.auditor_id = @AuditorId AND r.status = 'closed' ORDER BY t.task_id
            """, new { AuditorId = auditorId });
    }

    /// <summary>An auditor's name in the auditor register (what task pages show), not their sign-in's.</summary>
    public static async Task<string> AuditorNameAsync(TestApp app, string auditorId)
    {
        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<string>("SELECT name FROM auditor WHERE partnership_id = 'demo' AND auditor_id = @AuditorId", new { AuditorId = auditorId });
    }

    public static string Url(string taskId, string? then = null) => $"/tasks/{Uri.EscapeDataString(taskId)}{(then is null ? "" : "/" + then)}";

    public static string ApiUrl(string taskId, string? then = null) => $"/api/v1/tasks/{Uri.EscapeDataString(taskId)}{(then is null ? "" : "/" + then)}";

    /// <summary>The answer form filled in completely; <paramref name="change"/> alters fields (an empty value leaves one blank).</summary>
    public static Dictionary<string, string> CompleteForm(params (string Field, string Value)[] change)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Grade"] = "requires-improvement",
            ["Input.GoodPractice"] = "The referral was acted on the same day.\nThe child was seen alone.",
            ["Input.AreasForDevelopment"] = "Record the child's voice at every visit.",
            ["Input.Recommendations"] = "Supervision to check the child's voice is recorded.",
            ["Input.SafeguardingConcern"] = "",
        };
        for (var i = 0; i < 5; i++)
        {
            fields[$"Input.Sections[{i}].Evidence"] = $"Evidence for section {i + 1}: records read and the worker spoken to.";
            fields[$"Input.Sections[{i}].Grade"] = i == 0 ? "good" : "requires-improvement";
        }

        foreach (var (field, value) in change)
        {
            fields[field] = value;
        }

        return fields;
    }

    /// <summary>Complete answers in the answers file's shape.</summary>
    public const string CompleteAnswers = """
        {
          "grade": "good",
          "sections": [
            { "section": "Recognition of need", "evidence": "The referral was recognised as neglect at once.", "grade": "good" },
            { "section": "Assessment", "evidence": "The assessment was timely and saw the child alone." }
          ],
          "goodPractice": ["The child was seen alone."],
          "areasForDevelopment": [],
          "recommendations": ["Keep recording the child's voice."]
        }
        """;

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static async Task<string?> DraftAsync(TestApp app, string taskId)
    {
        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        return await connection.QuerySingleOrDefaultAsync<string?>("SELECT answers_json FROM task_draft WHERE task_id = @TaskId", new { TaskId = taskId });
    }

    public static async Task<long> SubmissionEventsAsync(TestApp app, string taskId)
    {
        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM wf_event WHERE event_name = 'task-submitted' AND event_key = @TaskId", new { TaskId = taskId });
    }

    /// <summary>The access log's entries of a user for one object: action and detail, oldest first.</summary>
    public static async Task<IReadOnlyList<(string Action, string? Detail)>> AccessLogAsync(TestApp app, string email, string objectId)
    {
        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string, string?)>(
            "SELECT action, detail FROM access_log WHERE user_email = @Email AND object_id = @ObjectId ORDER BY at_utc, entry_id",
            new { Email = email, ObjectId = objectId });
        return [.. rows];
    }

    public static async Task SetDueAsync(TestApp app, string taskId, DateTime dueUtc)
    {
        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("UPDATE audit_task SET due_utc = @DueUtc WHERE task_id = @TaskId", new { TaskId = taskId, DueUtc = dueUtc });
    }
}
