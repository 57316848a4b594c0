using System.Data.Common;
using Ipp.Graph.Administration.Audit;
using Ipp.Graph.Administration.Errors;
using Ipp.Graph.Administration.Users;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL.Mutations;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Accounts;

/// <summary>
/// <c>users grant-role &lt;email&gt; &lt;ROLE&gt;</c>, <c>users revoke-role &lt;email&gt; &lt;ROLE&gt;</c> (and their
/// shorthands <c>grant-admin &lt;email&gt;</c>, <c>revoke-admin &lt;email&gt;</c>) and <c>users list</c>: the operator's
/// commands for accounts, run as <c>dotnet Ipp.Graph.dll users …</c> beside the server or without it. They use the
/// server's settings (appsettings.json, the environment, <c>--Key=Value</c> arguments after the command), so the same
/// database, migrated first as the server does. The first administrator is made this way: an account is created as
/// any other, then the operator grants it ADMIN.
/// </summary>
/// <remarks>
/// Granting and revoking go through <see cref="UserAdministration"/>, as the API's <c>grantRole</c>/<c>revokeRole</c>
/// do: the only approved, enabled administrator keeps ADMIN, and each change is recorded in the audit log with the
/// actor <c>command line</c> (<see cref="AuditActor.CommandLine"/>). On PostgreSQL the change is announced to the
/// running servers (the user's next request holds it); a server on SQLite, another process, reads a user's roles when
/// they sign in, so there a change holds from the user's next sign-in at the latest.
/// </remarks>
public static class UsersCommand
{
    public const string Usage =
        "usage: users grant-role <email> <ROLE> | users revoke-role <email> <ROLE> | users grant-admin <email> | users revoke-admin <email> | users list"
        + "   [--Key=Value settings, as the server takes]; roles: ADMIN, DATA_ENGINEER, AI_RESEARCHER, MAINTAINER";

    /// <summary>Runs the command with the arguments after <c>users</c>; returns the exit code (1: failed, 2: bad usage).</summary>
    public static async Task<int> RunAsync(string[] arguments, TextWriter output, TextWriter error)
    {
        string? email = null;
        Role? role = null;
        string[]? settings = null;
        switch (arguments)
        {
            case ["grant-role" or "revoke-role", var given, var name, .. var rest] when !given.StartsWith('-') && RoleNames.TryParse(name, out var named):
                (email, role, settings) = (given, named, rest);
                break;
            case ["grant-admin" or "revoke-admin", var given, .. var rest] when !given.StartsWith('-'):
                (email, role, settings) = (given, Role.Admin, rest);
                break;
            case ["list", .. var rest]:
                settings = rest;
                break;
        }

        if (settings is null || !DatabaseHost.AreSettings(settings))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await using var app = DatabaseHost.Build(settings);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<IppDbContext>>();
        try
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            return arguments[0] switch
            {
                "grant-role" or "grant-admin" => await ChangeRoleAsync(contexts, Administration(app, contexts), email!, role!.Value, grant: true, output, error),
                "revoke-role" or "revoke-admin" => await ChangeRoleAsync(contexts, Administration(app, contexts), email!, role!.Value, grant: false, output, error),
                _ => await ListAsync(contexts, output),
            };
        }
        catch (Exception exception) when (exception is DbException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"The database could not be used: {exception.Message}");
            return 1;
        }
    }

    /// <summary>
    /// The administration as the command line uses it: announcing to the running servers on PostgreSQL; ending no
    /// session (granting and revoking end none).
    /// </summary>
    private static UserAdministration Administration(WebApplication app, IDbContextFactory<IppDbContext> contexts)
    {
        var grants = new CallerGrants();
        IGrantAnnouncements announcements = DatabaseSettings.From(app.Configuration).Provider == DatabaseProvider.PostgreSql
            ? new PostgreSqlGrantAnnouncements(grants, contexts)
            : new InProcessGrantAnnouncements(grants);
        return new UserAdministration(contexts, new AuditLog(TimeProvider.System), announcements, new UserCredentials(new InProcessSessionRevocations(new SessionEndings(TimeProvider.System))));
    }

    private static async Task<int> ChangeRoleAsync(
        IDbContextFactory<IppDbContext> contexts, UserAdministration administration, string email, Role role, bool grant, TextWriter output, TextWriter error)
    {
        Account? user;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            user = await FindAsync(db, email);
        }

        if (user is null)
        {
            return await UnknownAsync(email, error);
        }

        var name = RoleNames.NameOf(role);
        try
        {
            var changed = grant
                ? await administration.GrantRoleAsync(AuditActor.CommandLine, user.Id, role, CancellationToken.None)
                : await administration.RevokeRoleAsync(AuditActor.CommandLine, user.Id, role, CancellationToken.None);
            var roles = RolesText([.. changed.Roles.Select(RoleNames.NameOf)]);
            await output.WriteLineAsync(grant
                ? $"Granted {name} to {user.Email} ({roles}); it holds from their next sign-in at the latest."
                : $"Revoked {name} from {user.Email} ({roles}); it holds from their next sign-in at the latest.");
            return 0;
        }
        catch (MutationException exception) when (exception.Error is RoleAlreadyHeldError or RoleNotHeldError)
        {
            await output.WriteLineAsync(grant
                ? $"{user.Email} already has {name} ({RolesText(user.Roles)}); nothing changed."
                : $"{user.Email} does not have {name} ({RolesText(user.Roles)}); nothing changed.");
            return 0;
        }
        catch (MutationException exception)
        {
            // The last administrator keeps ADMIN; a user deleted meanwhile is unknown.
            await error.WriteLineAsync($"{user.Email}: {exception.Error.Message}");
            return 1;
        }
    }

    /// <summary>One line per account, oldest first: email, roles, creation time (UTC), separated by tabs.</summary>
    private static async Task<int> ListAsync(IDbContextFactory<IppDbContext> contexts, TextWriter output)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var users = await db.Users.OrderBy(user => user.Id)
            .Select(user => new { user.Email, user.CreatedAt, Roles = user.Roles.Select(role => role.Role).ToList() })
            .ToListAsync();
        foreach (var user in users)
        {
            await output.WriteLineAsync($"{user.Email}\t{RolesText(user.Roles)}\t{user.CreatedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        }

        return 0;
    }

    /// <summary>The account with this email, compared as signing in compares it; null when there is none.</summary>
    private static Task<Account?> FindAsync(IppDbContext db, string email)
    {
        var normalized = EmailAddress.Normalize(email);
        return db.Users.Where(user => user.NormalizedEmail == normalized)
            .Select(user => new Account(user.Id, user.Email, user.Roles.Select(role => role.Role).ToList()))
            .FirstOrDefaultAsync();
    }

    private static async Task<int> UnknownAsync(string email, TextWriter error)
    {
        await error.WriteLineAsync($"No account has the email {email}: nothing changed. (users list shows the accounts.)");
        return 1;
    }

    private static string RolesText(IReadOnlyCollection<string> roles) =>
        "roles: " + (roles.Count == 0 ? "none" : string.Join(", ", roles.Order(StringComparer.Ordinal)));

    private sealed record Account(long Id, string Email, List<string> Roles);
}
