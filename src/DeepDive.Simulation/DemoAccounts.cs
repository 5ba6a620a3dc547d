using DeepDive.Domain.Users;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Learning;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Users;

namespace DeepDive.Simulation;

/// <summary>
/// One account for each role in the demo partnership, so that a person can sign in to the web app and look around as a
/// manager, a moderator, two auditors (those with the most open tasks, then the most tasks), the designated safeguarding
/// leads of two schools that have feedback, and a viewer. Each has its own random password, shown once.
/// </summary>
public sealed class DemoAccounts(Database database, TimeProvider clock)
{
    /// <summary>An account as it is shown once: what it is for (the role, and the auditor or school it is linked to), its email and password.</summary>
    public sealed record Account(string Role, string Email, string Password);

    public const string Domain = "demo.test";

    public async Task<IReadOnlyList<Account>> AddAsync(string partnershipId, CancellationToken cancellationToken)
    {
        var auditors = (await new AuditorStore(database, clock).TaskCountsAsync(partnershipId, cancellationToken))
            .Where(a => a.Tasks > 0).Take(2).Select(a => a.AuditorId).ToList();
        var schools = (await new LearningStore(database).FeedbackAsync(partnershipId, null, cancellationToken))
            .Select(f => f.Title).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).Take(2).ToList();

        var people = new List<(string Label, NewUser User)>
        {
            ("Manager", Person("manager", "Morgan Manager", Role.Manager)),
            ("Moderator", Person("moderator", "Mo Moderator", Role.Moderator)),
        };
        people.AddRange(auditors.Select((id, i) => ($"Auditor {id}", Person($"auditor{i + 1}", $"Auditor {id}", Role.Auditor, auditor: id))));
        people.AddRange(schools.Select((school, i) => ($"School lead, {school}", Person($"school{i + 1}", $"Safeguarding lead, {school}", Role.School, school: school))));
        people.Add(("Viewer", Person("viewer", "Vic Viewer", Role.Viewer)));

        await new UserStore(database, clock).AddManyAsync([.. people.Select(p => p.User)], cancellationToken);
        return [.. people.Select(p => new Account(p.Label, p.User.Email, p.User.Password))];

        NewUser Person(string mailbox, string name, Role role, string? auditor = null, string? school = null) =>
            new(partnershipId, $"{mailbox}@{Domain}", name, role, auditor, school, UserStore.RandomPassword());
    }
}
