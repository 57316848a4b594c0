using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Administration;

/// <summary>
/// IPP's approval over the real server with <c>Accounts:RequireApproval</c>: a new account signs in as PENDING and
/// holds no permission until approved (its next request holds what approval gives); a denied one cannot sign in and
/// its session ends at once; administrators hear of pending accounts, others may not listen.
/// </summary>
public sealed class ApprovalTests : IAsyncLifetime
{
    private const string Me = "{ me { approval disabled permissions } }";

    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await Admins.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_new_account_is_pending_signs_in_and_is_refused_what_needs_a_permission_until_approved_then_its_next_request_holds_it()
    {
        var admin = await Admins.SignUpAsync(_server, null, "ADMIN");
        using var http = new GraphQLHttp(_server);
        var created = await http.PostAsync(
            "mutation { createUser(input: {email: \"pending@example.org\", password: \"correct horse battery\"}) { token user { approval } } }");
        var token = created.Data("createUser").GetProperty("token").GetString()!;
        Assert.Equal("PENDING", created.Data("createUser").GetProperty("user").GetProperty("approval").GetString());
        var signedIn = await http.AuthenticateAsync("pending@example.org");

        var me = (await http.PostAsync(Me, token: signedIn)).Data("me");
        var experiments = await http.PostAsync("{ experiments { totalCount } }", token: signedIn);
        var create = await http.PostAsync("""mutation { createExperiment(input: {application: "demo", name: "x"}) { errors { __typename } } }""", token: signedIn);
        var before = await _server.Database.RowsAsync();

        Assert.Equal("""{"approval":"PENDING","disabled":false,"permissions":[]}""", me.GetRawText());
        Assert.Equal("AUTH_NOT_AUTHORIZED", experiments.ErrorCode);
        Assert.Equal("Not allowed: your account awaits an administrator's approval.", experiments.ErrorMessage);
        Assert.Equal("AUTH_NOT_AUTHORIZED", create.ErrorCode);
        Assert.NotEqual(token, signedIn);

        var pendingId = Convert.ToInt64(await _server.Database.ScalarAsync("SELECT id FROM users WHERE email = 'pending@example.org'"), System.Globalization.CultureInfo.InvariantCulture);
        var approved = Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "approveUser", Ipp.Graph.GraphQL.GlobalId.Encode("User", pendingId)), "approveUser");

        Assert.Equal("APPROVED", approved.GetProperty("approval").GetString());
        // The same token, on its next request: approved, with what every signed-in user holds.
        Assert.Equal("""{"approval":"APPROVED","disabled":false,"permissions":["experiments:read","experiments:write","credentials:manage"]}""", (await http.PostAsync(Me, token: signedIn)).Data("me").GetRawText());
        Assert.Equal(0, (await http.PostAsync("{ experiments { totalCount } }", token: signedIn)).Data("experiments").GetProperty("totalCount").GetInt32());
        Assert.Contains($"{admin.Email} user.approve User pending@example.org null", await Admins.AuditLinesAsync(_server, admin.Token));
        Assert.NotEqual(before, await _server.Database.RowsAsync());
        Assert.Empty(_server.Logs.Errors);
    }

    [Fact]
    public async Task Without_RequireApproval_a_new_account_is_approved()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);

        var token = await http.CreateUserAsync("ada@example.org");

        Assert.Equal("""{"approval":"APPROVED","disabled":false,"permissions":["experiments:read","experiments:write","credentials:manage"]}""", (await http.PostAsync(Me, token: token)).Data("me").GetRawText());
    }

    [Fact]
    public async Task A_denied_account_cannot_sign_in_its_live_session_ends_and_only_its_password_learns_the_state()
    {
        var admin = await Admins.SignUpAsync(_server, null, "ADMIN");
        var pending = await Admins.SignUpAsync(_server);
        using var http = new GraphQLHttp(_server);

        var ended = await AccessServers.FirstEventAsync(
            _server, "subscription { sessionEnded { reason } }", null, pending.Token,
            async () => Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "denyUser", pending.GlobalId), "denyUser"));

        Assert.Equal("""{"data":{"sessionEnded":{"reason":"DENIED"}}}""", ended.GetRawText());
        Assert.Null(await http.MeAsync(pending.Token));
        var rightPassword = await http.PostAsync(Operations.Authenticate, new { email = pending.Email, password = "correct horse battery" });
        var wrongPassword = await http.PostAsync(Operations.Authenticate, new { email = pending.Email, password = "not the password" });
        Assert.Equal("ACCOUNT_DENIED", rightPassword.PayloadErrorCode("authenticate"));
        Assert.Equal("INVALID_CREDENTIALS", wrongPassword.PayloadErrorCode("authenticate"));
        Assert.Equal(0L, Convert.ToInt64(await _server.Database.ScalarAsync("SELECT COUNT(*) FROM sessions WHERE user_id = @id", ("@id", pending.Id)), System.Globalization.CultureInfo.InvariantCulture));

        // Approving a denied account lets it in again.
        Admins.ChangedUser(await Admins.MutateAsync(_server, admin.Token, "approveUser", pending.GlobalId), "approveUser");
        Assert.Equal(pending.Email, await http.MeAsync(await http.AuthenticateAsync(pending.Email)));
    }

    [Fact]
    public async Task An_administrator_hears_of_each_pending_account_and_a_user_without_users_manage_may_not_listen()
    {
        var admin = await Admins.SignUpAsync(_server, null, "ADMIN");
        var other = await Admins.ApprovedAsync(_server);
        const string Subscription = "subscription { accountPending { user { email approval roles } } }";

        var heard = await AccessServers.FirstEventAsync(_server, Subscription, null, admin.Token, async () =>
        {
            await WaitForSubscriberAsync(_server);
            using var http = new GraphQLHttp(_server);
            await http.CreateUserAsync("newcomer@example.org");
        });
        var refused = await AccessServers.FirstEventAsync(_server, Subscription, null, other.Token);

        Assert.Equal("""{"data":{"accountPending":{"user":{"email":"newcomer@example.org","approval":"PENDING","roles":[]}}}}""", heard.GetRawText());
        var error = Assert.Single(refused.GetProperty("errors").EnumerateArray());
        Assert.Equal("AUTH_NOT_AUTHORIZED", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    /// <summary>Waits until the subscription's stream listens (the SSE stream opens before its source starts).</summary>
    internal static async Task WaitForSubscriberAsync(RunningServer server)
    {
        var hub = server.Services.GetRequiredService<Ipp.Graph.Administration.Approval.PendingAccountHub>();
        while (hub.Count == 0)
        {
            await Task.Delay(10);
        }
    }
}
