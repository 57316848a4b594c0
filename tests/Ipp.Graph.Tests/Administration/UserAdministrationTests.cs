using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Accounts.AccessTokens;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Administration;

/// <summary>
/// The administration's mutations over the real server: each works with its permission and is recorded in the audit
/// log; refused without it, changing nothing; bad input answered with its code, changing nothing; a role change held
/// from the target's next request; a disabled or ended session ended at once.
/// </summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await Admins.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Each_change_works_for_an_administrator_and_is_recorded_in_the_audit_log_newest_first()
    {
        var admin = await Admins.SignUpAsync(_server, null, "ADMIN");
        var target = await Admins.SignUpAsync(_server);

        var approved = Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "approveUser", target.GlobalId), "approveUser");
        var granted = Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "grantRole", target.GlobalId, "DATA_ENGINEER"), "grantRole");
        var revoked = Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "revokeRole", target.GlobalId, "DATA_ENGINEER"), "revokeRole");
        var ended = Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "endUserSession", target.GlobalId), "endUserSession");
        var disabled = Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "disableUser", target.GlobalId), "disableUser");
        var enabled = Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "enableUser", target.GlobalId), "enableUser");
        var denied = Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "denyUser", target.GlobalId), "denyUser");

        Assert.Equal($$"""{"id":"{{target.GlobalId}}","email":"{{target.Email}}","roles":[],"approval":"APPROVED","disabled":false}""", approved.GetRawText());
        Assert.Equal("""["DATA_ENGINEER"]""", granted.GetProperty("roles").GetRawText());
        Assert.Equal("[]", revoked.GetProperty("roles").GetRawText());
        Assert.False(ended.GetProperty("disabled").GetBoolean());
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.False(enabled.GetProperty("disabled").GetBoolean());
        Assert.Equal("DENIED", denied.GetProperty("approval").GetString());
        var of = $"{admin.Email} {{0}} User {target.Email} {{1}}";
        Assert.Equal(
            [
                string.Format(of, "user.deny", "null"),
                string.Format(of, "user.enable", "null"),
                string.Format(of, "user.disable", "null"),
                string.Format(of, "user.end-session", "null"),
                string.Format(of, "role.revoke", """{"role":"DATA_ENGINEER"}"""),
                string.Format(of, "role.grant", """{"role":"DATA_ENGINEER"}"""),
                string.Format(of, "user.approve", "null"),
            ],
            (await Admins.AuditLinesAsync(_server, admin.Token)).Where(line => line.Contains(target.Email, StringComparison.Ordinal)));
        Assert.Equal(
            [string.Format(of, "role.revoke", """{"role":"DATA_ENGINEER"}"""), string.Format(of, "role.grant", """{"role":"DATA_ENGINEER"}""")],
            await Admins.AuditLinesAsync(_server, admin.Token, $$$"""{"targetLabel": {"eq": "{{{target.Email}}}"}, "action": {"startsWith": "role."}}"""));
        Assert.Empty(_server.Logs.Errors);
    }

    [Fact]
    public async Task An_audit_entry_names_its_actor_and_target_by_global_id_and_is_a_node()
    {
        var admin = await Admins.SignUpAsync(_server, null, "ADMIN");
        var target = await Admins.SignUpAsync(_server);
        await Admins.MutateAsync(_server, admin.Token, "approveUser", target.GlobalId);
        using var http = new GraphQLHttp(_server);

        var entry = (await http.PostAsync(
            "query($where: AuditEntryFilterInput) { auditLog(where: $where) { totalCount nodes { id actorId targetId action occurredAt } } }",
            new { where = new { targetLabel = new { eq = target.Email } } },
            admin.Token)).Data("auditLog");
        var node = Assert.Single(entry.GetProperty("nodes").EnumerateArray());
        var fetched = (await http.PostAsync("query($id: ID!) { node(id: $id) { ... on AuditEntry { action targetId } } }", new { id = node.GetProperty("id").GetString() }, admin.Token)).Data("node");
        var byOther = (await http.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = node.GetProperty("id").GetString() }, target.Token)).Data("node");

        Assert.Equal(1, entry.GetProperty("totalCount").GetInt32());
        Assert.Equal(admin.GlobalId, node.GetProperty("actorId").GetString());
        Assert.Equal(target.GlobalId, node.GetProperty("targetId").GetString());
        Assert.Equal($$"""{"action":"user.approve","targetId":"{{target.GlobalId}}"}""", fetched.GetRawText());
        Assert.Equal(JsonValueKind.Null, byOther.ValueKind);
    }

    [Fact]
    public async Task Users_manage_and_roles_manage_are_apart_and_a_refused_change_changes_nothing()
    {
        // Maintainers here may manage users but not roles.
        await using var server = await Admins.StartAsync("--Permissions:Roles:MAINTAINER:0=users:manage");
        var manager = await Admins.SignUpAsync(server, null, "MAINTAINER");
        var plain = await Admins.SignUpAsync(server, null, "DATA_ENGINEER");
        var target = await Admins.SignUpAsync(server);
        var before = await server.Database.RowsAsync();

        foreach (var (name, role) in new[] { ("grantRole", "ADMIN"), ("revokeRole", "ADMIN") })
        {
            var refused = await Admins.MutateAsync(server, manager.Token, name, target.GlobalId, role);
            Assert.Equal("AUTH_NOT_AUTHORIZED", refused.ErrorCode);
            Assert.Equal("Not allowed: this needs the permission roles:manage, which your roles do not give.", refused.ErrorMessage);
        }

        foreach (var name in new[] { "approveUser", "denyUser", "disableUser", "enableUser", "endUserSession" })
        {
            var refused = await Admins.MutateAsync(server, plain.Token, name, target.GlobalId);
            Assert.Equal("AUTH_NOT_AUTHORIZED", refused.ErrorCode);
            Assert.Equal("Not allowed: this needs the permission users:manage, which your roles do not give.", refused.ErrorMessage);
        }

        Assert.Equal(before, await server.Database.RowsAsync());
        Admins.ChangedUser(await Admins.MutateAsync(server, manager.Token, "approveUser", target.GlobalId), "approveUser");
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_code_and_changes_nothing()
    {
        await using var server = await Admins.StartAsync();
        var admin = await Admins.SignUpAsync(server, null, "ADMIN");
        var target = await Admins.SignUpAsync(server, null, "DATA_ENGINEER");
        await server.Database.ExecuteAsync("DELETE FROM sessions WHERE user_id = @id", ("@id", target.Id));
        var before = await server.Database.RowsAsync();
        var nobody = Ipp.Graph.GraphQL.GlobalId.Encode("User", 999_999);
        var experiment = Ipp.Graph.GraphQL.GlobalId.Encode("Experiment", target.Id);

        var cases = new (string Name, string Target, string? Role, string Code)[]
        {
            ("approveUser", nobody, null, "USER_NOT_FOUND"),
            ("disableUser", "not an id", null, "USER_NOT_FOUND"),
            ("grantRole", experiment, "ADMIN", "USER_NOT_FOUND"),
            ("approveUser", target.GlobalId, null, "ALREADY_APPROVED"),
            ("enableUser", target.GlobalId, null, "NOT_DISABLED"),
            ("grantRole", target.GlobalId, "DATA_ENGINEER", "ROLE_ALREADY_HELD"),
            ("revokeRole", target.GlobalId, "MAINTAINER", "ROLE_NOT_HELD"),
            ("endUserSession", target.GlobalId, null, "NO_SESSION"),
            ("revokeRole", admin.GlobalId, "ADMIN", "LAST_ADMINISTRATOR"),
        };
        foreach (var (name, id, role, code) in cases)
        {
            var response = await Admins.MutateAsync(server, admin.Token, name, id, role);
            Assert.Equal(code, response.PayloadErrorCode(name));
        }

        Assert.Equal(before, await server.Database.RowsAsync());

        var notFound = (await Admins.MutateAsync(server, admin.Token, "disableUser", "not an id")).PayloadError("disableUser");
        Assert.Equal("not an id", notFound.GetProperty("id").GetString());
        Assert.Equal("MAINTAINER", (await Admins.MutateAsync(server, admin.Token, "revokeRole", target.GlobalId, "MAINTAINER")).PayloadError("revokeRole").GetProperty("role").GetString());
        Admins.ChangedUser(await Admins.MutateAsync(server, admin.Token, "disableUser", target.GlobalId), "disableUser");
        Admins.ChangedUser(await Admins.MutateAsync(server, admin.Token, "denyUser", target.GlobalId), "denyUser");
        var afterChanges = await server.Database.RowsAsync();
        Assert.Equal("ALREADY_DISABLED", (await Admins.MutateAsync(server, admin.Token, "disableUser", target.GlobalId)).PayloadErrorCode("disableUser"));
        Assert.Equal("ALREADY_DENIED", (await Admins.MutateAsync(server, admin.Token, "denyUser", target.GlobalId)).PayloadErrorCode("denyUser"));
        Assert.Equal(afterChanges, await server.Database.RowsAsync());
        Assert.NotEqual(before, afterChanges);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task The_last_administrator_cannot_lose_ADMIN_be_disabled_or_denied_and_only_approved_enabled_administrators_count()
    {
        await using var server = await Admins.StartAsync();
        var admin = await Admins.SignUpAsync(server, null, "ADMIN");
        var disabledAdmin = await Admins.SignUpAsync(server, null, "ADMIN");
        var pendingAdmin = await Admins.SignUpAsync(server, null, "ADMIN");
        Admins.ChangedUser(await Admins.MutateAsync(server, admin.Token, "disableUser", disabledAdmin.GlobalId), "disableUser");
        await server.Database.ExecuteAsync("UPDATE users SET approval = 'PENDING' WHERE id = @id", ("@id", pendingAdmin.Id));
        var before = await server.Database.RowsAsync();

        Assert.Equal("LAST_ADMINISTRATOR", (await Admins.MutateAsync(server, admin.Token, "revokeRole", admin.GlobalId, "ADMIN")).PayloadErrorCode("revokeRole"));
        Assert.Equal("LAST_ADMINISTRATOR", (await Admins.MutateAsync(server, admin.Token, "disableUser", admin.GlobalId)).PayloadErrorCode("disableUser"));
        Assert.Equal("LAST_ADMINISTRATOR", (await Admins.MutateAsync(server, admin.Token, "denyUser", admin.GlobalId)).PayloadErrorCode("denyUser"));
        Assert.Equal(before, await server.Database.RowsAsync());

        // Another administrator approved: now the first may go.
        Admins.ChangedUser(await Admins.MutateAsync(server, admin.Token, "approveUser", pendingAdmin.GlobalId), "approveUser");
        Admins.ChangedUser(await Admins.MutateAsync(server, admin.Token, "revokeRole", admin.GlobalId, "ADMIN"), "revokeRole");
        Assert.Equal("AUTH_NOT_AUTHORIZED", (await Admins.MutateAsync(server, admin.Token, "grantRole", admin.GlobalId, "ADMIN")).ErrorCode);
    }

    [Fact]
    public async Task Two_administrators_revoking_each_other_at_once_cannot_both_succeed()
    {
        await using var server = await Admins.StartAsync();
        for (var round = 0; round < 8; round++)
        {
            var a = await Admins.SignUpAsync(server, null, "ADMIN");
            var b = await Admins.SignUpAsync(server, null, "ADMIN");
            await server.Database.ExecuteAsync("DELETE FROM user_roles WHERE role = 'ADMIN' AND user_id NOT IN (@a, @b)", ("@a", a.Id), ("@b", b.Id));

            var outcomes = await Task.WhenAll(
                Admins.MutateAsync(server, a.Token, "revokeRole", b.GlobalId, "ADMIN"),
                Admins.MutateAsync(server, b.Token, "revokeRole", a.GlobalId, "ADMIN"));

            // The loser was either refused as the last administrator, or had lost ADMIN (roles:manage) before its turn came.
            var results = outcomes.Select(Outcome).Order(StringComparer.Ordinal).ToList();
            Assert.Single(results, result => result == "changed");
            Assert.Single(results, result => result is "LAST_ADMINISTRATOR" or "AUTH_NOT_AUTHORIZED");
            Assert.Equal(1L, Convert.ToInt64(
                await server.Database.ScalarAsync("SELECT COUNT(*) FROM user_roles WHERE role = 'ADMIN' AND user_id IN (@a, @b)", ("@a", a.Id), ("@b", b.Id)),
                System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_role_change_holds_from_the_targets_next_request()
    {
        var admin = await Admins.SignUpAsync(_server, null, "ADMIN");
        var target = await Admins.ApprovedAsync(_server);
        using var http = new GraphQLHttp(_server);
        const string Users = "{ users(first: 1) { totalCount } me { roles } }";

        Assert.Equal("AUTH_NOT_AUTHORIZED", (await http.PostAsync(Users, token: target.Token)).ErrorCode);
        Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "grantRole", target.GlobalId, "ADMIN"), "grantRole");
        var asAdmin = await http.PostAsync(Users, token: target.Token);
        Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "revokeRole", target.GlobalId, "ADMIN"), "revokeRole");
        var again = await http.PostAsync(Users, token: target.Token);

        Assert.True(asAdmin.Data("users").GetProperty("totalCount").GetInt32() >= 2);
        Assert.Equal("""{"roles":["ADMIN"]}""", asAdmin.Data("me").GetRawText());
        Assert.Equal("AUTH_NOT_AUTHORIZED", again.Error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("""{"roles":[]}""", again.Body.GetProperty("data").GetProperty("me").GetRawText());
    }

    [Fact]
    public async Task Disabling_ends_the_live_session_and_the_account_cannot_sign_in_until_enabled()
    {
        var admin = await Admins.SignUpAsync(_server, null, "ADMIN");
        var target = await Admins.ApprovedAsync(_server);
        using var http = new GraphQLHttp(_server);

        var ended = await AccessServers.FirstEventAsync(
            _server, "subscription { sessionEnded { reason } }", null, target.Token,
            async () => Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "disableUser", target.GlobalId), "disableUser"));

        Assert.Equal("""{"data":{"sessionEnded":{"reason":"DISABLED"}}}""", ended.GetRawText());
        Assert.Null(await http.MeAsync(target.Token));
        Assert.Equal("ACCOUNT_DISABLED", (await http.PostAsync(Operations.Authenticate, new { email = target.Email, password = "correct horse battery" })).PayloadErrorCode("authenticate"));
        Assert.Equal("INVALID_CREDENTIALS", (await http.PostAsync(Operations.Authenticate, new { email = target.Email, password = "wrong password" })).PayloadErrorCode("authenticate"));
        Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "enableUser", target.GlobalId), "enableUser");
        Assert.Equal(target.Email, await http.MeAsync(await http.AuthenticateAsync(target.Email)));
    }

    [Theory]
    [InlineData("disableUser")]
    [InlineData("denyUser")]
    public async Task Disabling_or_denying_ends_every_personal_access_token_of_the_account_and_no_one_elses(string mutation)
    {
        var admin = await Admins.SignUpAsync(_server, null, "ADMIN");
        var target = await Admins.ApprovedAsync(_server);
        using var http = new GraphQLHttp(_server);
        var inAMonth = DateTimeOffset.UtcNow.AddDays(30);
        var (full, _) = await AccessTokenCalls.MakeAsync(http, target.Token, "full", inAMonth, readOnly: false);
        var (reading, _) = await AccessTokenCalls.MakeAsync(http, target.Token, "reading", inAMonth, readOnly: true);
        var (admins, _) = await AccessTokenCalls.MakeAsync(http, admin.Token, "admin's", inAMonth);
        Assert.Equal(target.Email, await http.MeAsync(full));

        Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, mutation, target.GlobalId), mutation);

        Assert.Null(await http.MeAsync(full));
        Assert.Null(await http.MeAsync(reading));
        Assert.Equal(admin.Email, await http.MeAsync(admins));
        Assert.Equal(1L, await _server.Database.ScalarAsync("SELECT COUNT(*) FROM access_tokens"));
    }

    [Fact]
    public async Task Ending_a_users_session_ends_it_at_once_and_they_may_sign_in_again()
    {
        var admin = await Admins.SignUpAsync(_server, null, "ADMIN");
        var target = await Admins.ApprovedAsync(_server);
        using var http = new GraphQLHttp(_server);

        var ended = await AccessServers.FirstEventAsync(
            _server, "subscription { sessionEnded { reason } }", null, target.Token,
            async () => Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "endUserSession", target.GlobalId), "endUserSession"));

        Assert.Equal("""{"data":{"sessionEnded":{"reason":"ENDED_BY_ADMINISTRATOR"}}}""", ended.GetRawText());
        Assert.Null(await http.MeAsync(target.Token));
        Assert.Equal(target.Email, await http.MeAsync(await http.AuthenticateAsync(target.Email)));
    }

    private static string Outcome(GraphQLResponse response)
    {
        if (response.Body.TryGetProperty("errors", out _))
        {
            return response.ErrorCode!;
        }

        var payload = response.Data("revokeRole");
        return payload.GetProperty("errors").ValueKind == JsonValueKind.Null ? "changed"
            : payload.GetProperty("errors")[0].GetProperty("code").GetString()!;
    }
}
