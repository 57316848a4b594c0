using Ipp.Graph.Accounts.Passwords;
using Ipp.Graph.Data;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ipp.Graph.Tests.Data;

/// <summary>
/// The migration to TrainMate's roles, on the provider the suite runs on (SQLite, or PostgreSQL with
/// IPP_TEST_POSTGRES): the RESEARCHER every user held goes, ADMIN stays, the server then serves those users with
/// their roles; migrating back gives every user RESEARCHER again.
/// </summary>
public sealed class TrainMateRolesMigrationTests : DatabaseInFolder
{
    private const string Migration = "TrainMateRoles";

    [Fact]
    public async Task Researcher_rows_go_admin_rows_stay_and_going_back_gives_every_user_researcher()
    {
        string before;
        await using (var db = Database.Context())
        {
            var migrator = db.GetService<IMigrator>();
            var previous = await TestDatabase.MigrateToBeforeAsync(db, Migration);
            await Database.ExecuteAsync("""
                INSERT INTO users (email, normalized_email, password_hash, created_at) VALUES ('ada@example.org', 'ada@example.org', 'x', '2026-12-01 10:00:00');
                INSERT INTO users (email, normalized_email, password_hash, created_at) VALUES ('grace@example.org', 'grace@example.org', 'x', '2026-12-01 10:00:00');
                INSERT INTO user_roles (user_id, role) SELECT id, 'RESEARCHER' FROM users;
                INSERT INTO user_roles (user_id, role) SELECT id, 'ADMIN' FROM users WHERE normalized_email = 'ada@example.org';
                """);
            before = await RolesAsync();

            await migrator.MigrateAsync();
            Assert.Equal("1|ADMIN", await RolesAsync());

            await migrator.MigrateAsync(previous);
            Assert.Equal(before, await RolesAsync());
            await migrator.MigrateAsync();
        }

        Assert.Equal("1|ADMIN\n1|RESEARCHER\n2|RESEARCHER", before);
        await using var server = await AccountsServer.StartAsync(Database.Setting);
        using var http = new GraphQLHttp(server);
        var hash = await server.Services.GetRequiredService<PasswordHasher>().HashAsync("correct horse battery", CancellationToken.None);
        await Database.ExecuteAsync("UPDATE users SET password_hash = @hash", ("@hash", hash));
        var ada = await http.PostAsync("{ me { roles permissions } }", token: await http.AuthenticateAsync("ada@example.org"));
        var grace = await http.PostAsync("{ me { roles } }", token: await http.AuthenticateAsync("grace@example.org"));
        Assert.Equal("ADMIN", ada.Data("me").GetProperty("roles")[0].GetString());
        Assert.Equal("""{"roles":[]}""", grace.Data("me").GetRawText());
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>Every row of user_roles, <c>user_id|role</c>, one per line in order.</summary>
    private Task<string> RolesAsync() => Database.LinesAsync("SELECT user_id, role FROM user_roles ORDER BY user_id, role");
}
