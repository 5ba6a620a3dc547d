using System.ComponentModel;
using DeepDive.Cli.Tables;
using DeepDive.Domain.Users;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Users;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class UserAddSettings : DatabaseSettings
{
    [CommandOption("--email <EMAIL>")]
    [Description("The address the person signs in with.")]
    public string Email { get; init; } = "";

    [CommandOption("--name <NAME>")]
    [Description("The person's name, as pages show it.")]
    public string Name { get; init; } = "";

    [CommandOption("--role <ROLE>")]
    [Description("manager, moderator, auditor, school or viewer.")]
    public string Role { get; init; } = "";

    [CommandOption("--auditor <ID>")]
    [Description("For an auditor: the auditor id in the auditor pool (their tasks are the ones assigned to this id).")]
    public string? Auditor { get; init; }

    [CommandOption("--school <NAME>")]
    [Description("For a school's designated safeguarding lead: the school, as the case register names it.")]
    public string? School { get; init; }

    [CommandOption("--password-stdin")]
    [Description("Read the password from standard input instead of making a random one.")]
    public bool PasswordStdin { get; init; }

    public override ValidationResult Validate() => Roles.TryParse(Role, out _)
        ? ValidationResult.Success()
        : ValidationResult.Error($"--role '{Role}' is not one of {Roles.List}.");
}

/// <summary>Adds a user who signs in to the web app; the first manager is made this way. A random password is printed once.</summary>
public sealed class UserAddCommand(Database database, UserStore users) : AsyncCommand<UserAddSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserAddSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        Roles.TryParse(settings.Role, out var role);
        var password = settings.PasswordStdin ? (Console.In.ReadLine() ?? "").TrimEnd('\r', '\n') : UserStore.RandomPassword();
        try
        {
            var user = await users.AddAsync(new NewUser(settings.Partnership, settings.Email, settings.Name, role, settings.Auditor, settings.School, password), cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"[green]Added[/] {user.Name} <{user.Email}> as {role.Name()}{(user.AuditorId is { } a ? $" (auditor {a})" : "")}{(user.School is { } s ? $" ({s})" : "")} in partnership '{user.PartnershipId}'.");
            if (!settings.PasswordStdin)
            {
                AnsiConsole.MarkupLineInterpolated($"Password (shown once; give it to them safely): {password}");
            }

            return 0;
        }
        catch (UserRefusedException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Not added[/] (--{e.Field}): {e.Message}.");
            return 1;
        }
    }
}

public class UserEmailSettings : DatabaseSettings
{
    [CommandArgument(0, "<EMAIL>")]
    [Description("The user's email address.")]
    public string Email { get; init; } = "";
}

/// <summary>Disables an account: it cannot sign in and its API tokens stop working; what it did stays in the access log.</summary>
public sealed class UserDisableCommand(Database database, UserStore users, ApiTokenStore tokens) : AsyncCommand<UserEmailSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserEmailSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        if (!await users.DisableAsync(settings.Partnership, settings.Email, cancellationToken))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No account[/] for {settings.Email} in partnership '{settings.Partnership}'.");
            return 1;
        }

        var user = await users.FindAsync(settings.Email, cancellationToken);
        var revoked = await tokens.RevokeAllAsync(user!.UserId, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]Disabled[/] {user.Email}; {revoked} API token(s) revoked.");
        return 0;
    }
}

/// <summary>Gives a user a new random password (printed once) and lifts a lockout.</summary>
public sealed class UserResetPasswordCommand(Database database, UserStore users) : AsyncCommand<UserEmailSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserEmailSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var password = UserStore.RandomPassword();
        try
        {
            await users.SetPasswordAsync(settings.Partnership, settings.Email, password, cancellationToken);
        }
        catch (UserRefusedException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Not reset:[/] {e.Message}.");
            return 1;
        }

        AnsiConsole.MarkupLineInterpolated($"[green]New password[/] for {settings.Email.Trim().ToLowerInvariant()} (shown once): {password}");
        return 0;
    }
}

public sealed class UserTokenSettings : UserEmailSettings
{
    [CommandOption("--name <NAME>")]
    [Description("What the token is for, e.g. the script that uses it.")]
    [DefaultValue("api")]
    public string Name { get; init; } = "api";
}

/// <summary>Makes a personal access token for the API, acting as the user (same role and scope); printed once, kept only hashed.</summary>
public sealed class UserTokenCommand(Database database, ApiTokenStore tokens) : AsyncCommand<UserTokenSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, UserTokenSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        try
        {
            var token = await tokens.CreateAsync(settings.Partnership, settings.Email, settings.Name, cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"[green]Token[/] '{settings.Name}' for {settings.Email.Trim().ToLowerInvariant()} (shown once; send it as 'Authorization: Bearer <token>'):");
            Console.Out.WriteLine(token);
            return 0;
        }
        catch (UserRefusedException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No token made:[/] {e.Message}.");
            return 1;
        }
    }
}

/// <summary>Lists the partnership's users: role, what they are linked to, whether disabled, last sign-in.</summary>
public sealed class UserListCommand(Database database, UserStore users) : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var all = await users.ListAsync(settings.Partnership, cancellationToken);
        var table = new Table().AddColumns("Email", "Name", "Role", "Linked to", "Status", "Last sign-in (UTC)");
        foreach (var u in all)
        {
            table.AddRow(Markup.Escape(u.Email), Markup.Escape(u.Name), u.Role.Name(), Markup.Escape(u.AuditorId ?? u.School ?? ""),
                u.Disabled ? "disabled" : "active", u.LastSignInUtc is { } at ? $"{at:yyyy-MM-dd HH:mm}" : "never");
        }

        FittedTable.Write(AnsiConsole.Console, table);
        AnsiConsole.MarkupLineInterpolated($"{all.Count} user(s).");
        return 0;
    }
}
