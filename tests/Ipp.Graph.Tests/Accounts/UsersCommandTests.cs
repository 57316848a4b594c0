using Ipp.Graph.Accounts;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>
/// <c>users grant-role | revoke-role | grant-admin | revoke-admin | list</c>: the built server run as the operator runs it
/// (<c>dotnet Ipp.Graph.dll users …</c>), on the database of a running server.
/// </summary>
public sealed class UsersCommandTests
{
    [Fact]
    public async Task GrantAdminMakesAnAccountAnAdministratorFromItsNextSignInAndChangesNothingElse()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("Ada@Example.org");
        await http.CreateUserAsync("grace@example.org");
        var before = await server.Database.RowsAsync();

        var granted = await RunAsync(server, "grant-admin", " ADA@example.org ");

        Assert.Equal(0, granted.ExitCode);
        Assert.Equal("Granted ADMIN to Ada@Example.org (roles: ADMIN); it holds from their next sign-in at the latest.\n", granted.Output);
        Assert.Equal("", granted.Error);
        const string Roles = "user_roles:\n";
        Assert.Contains(Roles + "users:", before, StringComparison.Ordinal);
        var after = await server.Database.RowsAsync();
        Assert.Contains(Roles + "1|ADMIN\nusers:", after, StringComparison.Ordinal);
        // The audit log records it, by the command line; the user's grants moved on one version. Nothing else changed.
        Assert.Equal(
            """command line|role.grant|User|1|Ada@Example.org|{"role":"ADMIN"}""",
            await server.Database.ScalarAsync("SELECT actor_label || '|' || action || '|' || target_kind || '|' || target_id || '|' || target_label || '|' || details FROM audit_log WHERE actor_id IS NULL"));
        Assert.Equal(1L, Convert.ToInt64(await server.Database.ScalarAsync("SELECT grants_version FROM users WHERE id = 1"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Tables(before, "audit_log:", "user_roles:", "users:"), Tables(after, "audit_log:", "user_roles:", "users:"));

        var signIn = await http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = "correct horse battery" });
        Assert.Equal("""["ADMIN"]""", signIn.Data("authenticate").GetProperty("user").GetProperty("roles").GetRawText());
        var me = await http.PostAsync("{ me { roles } }", token: signIn.Data("authenticate").GetProperty("token").GetString());
        Assert.Equal("""{"roles":["ADMIN"]}""", me.Data("me").GetRawText());
        var grace = await http.PostAsync("{ me { roles } }", token: await http.AuthenticateAsync("grace@example.org"));
        Assert.Equal("""{"roles":[]}""", grace.Data("me").GetRawText());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task AnUnknownEmailIsAClearErrorAndChangesNothing()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("ada@example.org");
        var before = await server.Database.RowsAsync();

        var grant = await RunAsync(server, "grant-admin", "nobody@example.org");
        var revoke = await RunAsync(server, "revoke-admin", "nobody@example.org");

        foreach (var result in new[] { grant, revoke })
        {
            Assert.Equal(1, result.ExitCode);
            Assert.Equal("", result.Output);
            Assert.Equal("No account has the email nobody@example.org: nothing changed. (users list shows the accounts.)\n", result.Error);
        }

        Assert.Equal(before, await server.Database.RowsAsync());
    }

    [Fact]
    public async Task GrantingTwiceAndRevokingSayWhatChangedAndListShowsTheRoles()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("ada@example.org");
        await http.CreateUserAsync("Grace@Example.org");
        Assert.Equal(0, (await RunAsync(server, "grant-admin", "ada@example.org")).ExitCode);
        var afterGrant = await server.Database.RowsAsync();

        var again = await RunAsync(server, "grant-admin", "ada@example.org");
        Assert.Equal((0, "ada@example.org already has ADMIN (roles: ADMIN); nothing changed.\n"), (again.ExitCode, again.Output));
        Assert.Equal(afterGrant, await server.Database.RowsAsync());

        var list = await RunAsync(server, "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(1L, Convert.ToInt64(await server.Database.ScalarAsync("SELECT COUNT(*) FROM audit_log"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches(@"^ada@example\.org\troles: ADMIN\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\nGrace@Example\.org\troles: none\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$", list.Output);

        // The only administrator keeps ADMIN: exit code 1, nothing changed.
        var last = await RunAsync(server, "revoke-admin", "ada@example.org");
        Assert.Equal((1, "", "ada@example.org: This user is the only approved, enabled administrator: they cannot lose ADMIN, be disabled or be denied. Make another administrator first; nothing changed.\n"), (last.ExitCode, last.Output, last.Error));
        Assert.Equal(afterGrant, await server.Database.RowsAsync());
        Assert.Equal(0, (await RunAsync(server, "grant-admin", "grace@example.org")).ExitCode);

        var revoked = await RunAsync(server, "revoke-admin", "ADA@example.org");
        var revokedAgain = await RunAsync(server, "revoke-admin", "ada@example.org");
        Assert.Equal((0, "Revoked ADMIN from ada@example.org (roles: none); it holds from their next sign-in at the latest.\n"), (revoked.ExitCode, revoked.Output));
        Assert.Equal((0, "ada@example.org does not have ADMIN (roles: none); nothing changed.\n"), (revokedAgain.ExitCode, revokedAgain.Output));
        var signIn = await http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = "correct horse battery" });
        Assert.Equal("[]", signIn.Data("authenticate").GetProperty("user").GetProperty("roles").GetRawText());
    }

    [Fact]
    public async Task GrantRoleAndRevokeRoleGiveAndTakeAnyOfTheRolesFromTheNextSignIn()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("ada@example.org");

        var engineer = await RunAsync(server, "grant-role", "ada@example.org", "DATA_ENGINEER");
        var maintainer = await RunAsync(server, "grant-role", "ada@example.org", "MAINTAINER");
        Assert.Equal((0, "Granted MAINTAINER to ada@example.org (roles: DATA_ENGINEER, MAINTAINER); it holds from their next sign-in at the latest.\n"), (maintainer.ExitCode, maintainer.Output));
        Assert.Equal(0, engineer.ExitCode);
        var me = await http.PostAsync("{ me { roles permissions } }", token: await http.AuthenticateAsync("ada@example.org"));
        Assert.Equal(
            """{"roles":["DATA_ENGINEER","MAINTAINER"],"permissions":["experiments:read","experiments:write","credentials:manage","roles:read","tags:read","tags:write","files:read","files:write","files:download","images:read","images:manage","tasks:read","tasks:write"]}""",
            me.Data("me").GetRawText());

        var revoked = await RunAsync(server, "revoke-role", "ADA@example.org", "DATA_ENGINEER");
        Assert.Equal((0, "Revoked DATA_ENGINEER from ada@example.org (roles: MAINTAINER); it holds from their next sign-in at the latest.\n"), (revoked.ExitCode, revoked.Output));
        var after = await http.PostAsync("{ me { roles } }", token: await http.AuthenticateAsync("ada@example.org"));
        Assert.Equal("""{"roles":["MAINTAINER"]}""", after.Data("me").GetRawText());
    }

    [Fact]
    public async Task TheDatabaseIsMigratedFirstAsTheServerDoesIt()
    {
        var folder = Directory.CreateTempSubdirectory("ipp-graph-tests-").FullName;
        await using var database = await TestDatabase.CreateAsync(folder);
        try
        {
            var list = await ServerAssembly.RunAsync("users", "list", database.Setting);

            Assert.Equal((0, ""), (list.ExitCode, list.Output));
            Assert.Contains("Applying database migrations", list.Error, StringComparison.Ordinal);
            await using var server = await AccountsServer.StartAsync(database.Setting);
            using var http = new GraphQLHttp(server);
            await http.CreateUserAsync("ada@example.org");
            Assert.Empty(server.Logs.Errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ADatabaseThatCannotBeOpenedIsAClearError()
    {
        var folder = Directory.CreateTempSubdirectory("ipp-graph-tests-").FullName;
        try
        {
            // A folder where the database file should be.
            var result = await ServerAssembly.RunAsync("users", "grant-admin", "ada@example.org", $"--ConnectionStrings:Ipp=Data Source={folder}");

            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith("The database could not be used: ", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("grant-admin")]
    [InlineData("grant-admin", "--ConnectionStrings:Ipp=Data Source=x.db")]
    [InlineData("grant-admin", "ada@example.org", "grace@example.org")]
    [InlineData("grant-admin", "ada@example.org", "--ConnectionStrings:Ipp")]
    [InlineData("promote", "ada@example.org")]
    [InlineData("grant-role", "ada@example.org")]
    [InlineData("grant-role", "ada@example.org", "RESEARCHER")]
    [InlineData("revoke-role", "ada@example.org", "admin")]
    [InlineData("list", "everyone")]
    public async Task BadUsageIsRefusedBeforeAnythingIsOpened(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await UsersCommand.RunAsync(arguments, output, error));
        Assert.Equal(UsersCommand.Usage + Environment.NewLine, error.ToString());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task BadUsageOfTheBuiltServerExitsWith2()
    {
        var result = await ServerAssembly.RunAsync("users", "grant-admin");

        Assert.Equal((2, "", UsersCommand.Usage + "\n"), (result.ExitCode, result.Output, result.Error));
    }

    /// <summary>The rows of <paramref name="rows"/> without the named tables'.</summary>
    private static string Tables(string rows, params string[] without)
    {
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in rows.Split('\n'))
        {
            skipping = line.EndsWith(':') ? without.Contains(line) : skipping;
            if (!skipping)
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept);
    }

    private static Task<ProcessResult> RunAsync(RunningServer server, params string[] arguments) =>
        ServerAssembly.RunAsync(["users", .. arguments, server.Database.Setting]);
}
