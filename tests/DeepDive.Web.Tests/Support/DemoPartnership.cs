using DeepDive.Domain.Users;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Users;
using DeepDive.Simulation;
using Microsoft.Data.Sqlite;

namespace DeepDive.Web.Tests.Support;

/// <summary>
/// The partnership the web tests work on: January to 7 July 2027 of the demo programme (partnership "demo", seed 7),
/// run once per test process in virtual time, so rounds are open and closed, tasks submitted and still open, feedback
/// written. Each test class gets its own copy of the database. Users, one per role (two auditors with open tasks, the
/// safeguarding leads of two schools that have feedback), and a second partnership "other" with its own manager.
/// </summary>
public static class DemoPartnership
{
    public const string Id = "demo";
    public const string OtherId = "other";
    public const string Password = "correct horse battery staple";

    private static readonly Lazy<Task<TemplateDatabase>> Template = new(BuildAsync);

    /// <summary>The people of the demo partnership (and one of the other), by what they are for in a test.</summary>
    public sealed record People(
        string Manager, string Moderator, string Auditor, string OtherAuditor, string School, string OtherSchool, string Viewer,
        string OtherPartnershipManager, string AuditorId, string OtherAuditorId, string SchoolName, string OtherSchoolName);

    public sealed record TemplateDatabase(string Path, People People);

    /// <summary>A fresh copy of the template for one test class (or one test), in its own folder.</summary>
    public static async Task<(string DatabasePath, People People)> CopyAsync()
    {
        var template = await Template.Value;
        var folder = Directory.CreateTempSubdirectory("deepdive-web-").FullName;
        var path = System.IO.Path.Combine(folder, "deepdive.db");
        await using (var connection = new SqliteConnection($"Data Source={template.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", path);
            await command.ExecuteNonQueryAsync();
        }

        return (path, template.People);
    }

    private static async Task<TemplateDatabase> BuildAsync()
    {
        var folder = Directory.CreateTempSubdirectory("deepdive-web-template-").FullName;
        var path = System.IO.Path.Combine(folder, "deepdive.db");
        var database = Database.Open(path);
        await new YearSimulation(database, Id, seed: 7).RunAsync(
            new YearSimulation.Options(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 7, 8, 0, 0, 0, DateTimeKind.Utc), 1200,
                Notifications: new Engine.Notifications.NotificationSettings { Folder = System.IO.Path.Combine(folder, "outbox") }),
            progress: null, CancellationToken.None);

        var clock = TimeProvider.System;
        await new PartnershipStore(database, clock).EnsureAsync(OtherId, "Other partnership", CancellationToken.None);
        var users = new UserStore(database, clock);
        var (auditorId, otherAuditorId) = await TwoAuditorsWithOpenTasksAsync(database);
        var (school, otherSchool) = await TwoSchoolsWithFeedbackAsync(database);
        var people = new People(
            await AddAsync(users, Id, "manager@demo.test", "Morgan Manager", Role.Manager),
            await AddAsync(users, Id, "moderator@demo.test", "Mo Moderator", Role.Moderator),
            await AddAsync(users, Id, "auditor@demo.test", "Ade Auditor", Role.Auditor, auditor: auditorId),
            await AddAsync(users, Id, "auditor2@demo.test", "Bea Auditor", Role.Auditor, auditor: otherAuditorId),
            await AddAsync(users, Id, "dsl@school-one.test", "Sam Lead", Role.School, school: school),
            await AddAsync(users, Id, "dsl@school-two.test", "Tal Lead", Role.School, school: otherSchool),
            await AddAsync(users, Id, "viewer@demo.test", "Vic Viewer", Role.Viewer),
            await AddAsync(users, OtherId, "manager@other.test", "Olu Other", Role.Manager),
            auditorId, otherAuditorId, school, otherSchool);
        SqliteConnection.ClearAllPools();
        return new TemplateDatabase(path, people);
    }

    private static async Task<string> AddAsync(UserStore users, string partnership, string email, string name, Role role, string? auditor = null, string? school = null) =>
        (await users.AddAsync(new NewUser(partnership, email, name, role, auditor, school, Password), CancellationToken.None)).Email;

    private static async Task<(string, string)> TwoAuditorsWithOpenTasksAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var ids = await Dapper.SqlMapper.QueryAsync<string>(connection, """
            SELECT auditor_id FROM audit_task
             WHERE partnership_id = 'demo' AND auditor_id IS NOT NULL AND status = 'open'
             GROUP BY auditor_id ORDER BY COUNT(*) DESC, auditor_id
            """);
        var list = ids.Take(2).ToList();
        if (list.Count < 2)
        {
            throw new InvalidOperationException("The demo stretch left fewer than two auditors with open tasks; the web tests need two.");
        }

        return (list[0], list[1]);
    }

    private static async Task<(string, string)> TwoSchoolsWithFeedbackAsync(Database database)
    {
        var feedback = await new Engine.Learning.LearningStore(database).FeedbackAsync(Id, null, CancellationToken.None);
        var schools = feedback.Select(f => f.Title).Distinct().OrderBy(s => s, StringComparer.Ordinal).Take(2).ToList();
        if (schools.Count < 2)
        {
            throw new InvalidOperationException("The demo stretch wrote feedback for fewer than two schools; the web tests need two.");
        }

        return (schools[0], schools[1]);
    }
}
