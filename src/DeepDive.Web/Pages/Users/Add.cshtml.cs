using DeepDive.Domain.Users;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Users;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Users;

/// <summary>Adds a person: name, email, role, and the auditor id or school the role needs. Their first password is made at random and shown once.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class AddModel(UserStore users, AuditorStore auditors, CaseStore cases, CurrentUser user, AccessRecorder access) : PageModel
{
    public sealed class AddInput
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Role { get; set; }

        public string? AuditorId { get; set; }

        public string? School { get; set; }
    }

    public static IReadOnlyList<(Role Role, string Label, string Hint)> Roles { get; } =
    [
        (Role.Manager, "Manager", "Runs the programme: cycles, rounds, registers, users and the access log"),
        (Role.Moderator, "Moderator", "Reads rounds, tasks and learning with case references, and checks grades"),
        (Role.Auditor, "Auditor", "Completes the deep-dive tasks given to them"),
        (Role.School, "School", "A school's designated safeguarding lead: reads their school's own feedback"),
        (Role.Viewer, "Viewer", "A committee member: reads the dashboard and reports, never case references"),
    ];

    [BindProperty]
    public AddInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Role? role = DeepDive.Domain.Users.Roles.TryParse(Input.Role, out var parsed) ? parsed : null;
        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", "Enter the person's name");
        }

        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter the person's email address");
        }

        if (role is null)
        {
            ModelState.AddModelError("Input.Role", "Select the person's role");
        }

        var auditorId = role == Role.Auditor ? await AuditorAsync(cancellationToken) : null;
        var school = role == Role.School ? await SchoolAsync(cancellationToken) : null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var password = UserStore.RandomPassword();
        AppUser added;
        try
        {
            added = await users.AddAsync(new NewUser(user.PartnershipId, Input.Email!, Input.Name!, role!.Value, auditorId, school, password), cancellationToken);
        }
        catch (UserRefusedException e)
        {
            ModelState.AddModelError(e.Field switch { "name" => "Input.Name", "auditor" => "Input.AuditorId", "school" => "Input.School", _ => "Input.Email" }, e.Message);
            return Page();
        }

        await access.ChangedAsync("user", added.Email, $"added as {added.Role.Name()}{(IndexModel.LinkedTo(added) is { } linked ? $" ({linked})" : "")}", cancellationToken);
        NewPassword.Keep(TempData, added.UserId, password, NewPassword.Added);
        return Redirect($"/users/{added.UserId}/password");
    }

    private async Task<string?> AuditorAsync(CancellationToken cancellationToken)
    {
        var id = Input.AuditorId?.Trim() ?? "";
        if (id.Length == 0)
        {
            ModelState.AddModelError("Input.AuditorId", "Enter the auditor id they audit as");
            return null;
        }

        var auditor = (await auditors.ListAsync(user.PartnershipId, cancellationToken)).FirstOrDefault(a => string.Equals(a.AuditorId, id, StringComparison.OrdinalIgnoreCase));
        if (auditor is null)
        {
            ModelState.AddModelError("Input.AuditorId", $"There is no auditor {id} in the auditor pool: check the id, or upload the auditor first");
        }

        return auditor?.AuditorId;
    }

    private async Task<string?> SchoolAsync(CancellationToken cancellationToken)
    {
        var name = Input.School?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError("Input.School", "Enter the school as the case register names it");
            return null;
        }

        var school = (await cases.SchoolsAsync(user.PartnershipId, cancellationToken)).FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
        if (school is null)
        {
            ModelState.AddModelError("Input.School", $"No case in the register has the school {name}: enter it as the case register names it");
        }

        return school;
    }
}
