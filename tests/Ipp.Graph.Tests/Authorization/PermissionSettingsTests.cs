using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Authorization;

/// <summary>
/// The <c>Permissions</c> settings replace whole lines of the table, and a setting naming no role or no permission
/// stops the server before it listens, saying which.
/// </summary>
public sealed class PermissionSettingsTests
{
    [Theory]
    [InlineData("--Permissions:Roles:JANITOR:0=images:read", "Permissions:Roles:JANITOR names no role; the roles are ADMIN, DATA_ENGINEER, AI_RESEARCHER, MAINTAINER.")]
    [InlineData("--Permissions:SignedIn:0=experiments:delete", "Permissions:SignedIn names \"experiments:delete\", which is no permission; the permissions are experiments:read, experiments:write,")]
    [InlineData("--Permissions:Roles:MAINTAINER:1=Images:Read", "Permissions:Roles:MAINTAINER names \"Images:Read\", which is no permission;")]
    public async Task A_setting_naming_no_role_or_permission_stops_the_server(string setting, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AccountsServer.StartAsync(setting));

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_given_replaces_that_line_whole_and_the_others_stay()
    {
        await using var server = await AccountsServer.StartAsync(
            "--Permissions:Roles:MAINTAINER:0=tasks:read",
            "--Permissions:Roles:ADMIN:0=",
            "--Permissions:SignedIn:0=experiments:read");
        var maintainer = await AccessServers.SignUpAsync(server, "MAINTAINER");
        var admin = await AccessServers.SignUpAsync(server, "ADMIN");
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        using var http = new GraphQLHttp(server);

        Assert.Equal("""["experiments:read","tasks:read"]""", (await http.PostAsync("{ me { permissions } }", token: maintainer.Token)).Data("me").GetProperty("permissions").GetRawText());
        Assert.Equal("""["experiments:read"]""", (await http.PostAsync("{ me { permissions } }", token: admin.Token)).Data("me").GetProperty("permissions").GetRawText());
        Assert.Equal(
            """["experiments:read","tags:read","tags:write","files:read","files:write","files:download","images:read","tasks:read","tasks:write"]""",
            (await http.PostAsync("{ me { permissions } }", token: engineer.Token)).Data("me").GetProperty("permissions").GetRawText());
        Assert.Equal("AUTH_NOT_AUTHORIZED", (await http.PostAsync("{ roles { role } }", token: admin.Token)).ErrorCode);
    }
}
