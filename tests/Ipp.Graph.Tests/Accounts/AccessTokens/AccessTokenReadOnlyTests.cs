using System.Net;
using System.Net.Http.Headers;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;

namespace Ipp.Graph.Tests.Accounts.AccessTokens;

/// <summary>
/// What a read-only token may do, as the access policy decides it: its user's reading permissions only, so a mutation
/// that changes something is refused with AUTH_NOT_AUTHORIZED and changes nothing; a full token may change what its
/// user may (but never make tokens); <c>me { permissions }</c> says which, asked with the token.
/// </summary>
public sealed class AccessTokenReadOnlyTests
{
    private static DateTimeOffset InAMonth => DateTimeOffset.UtcNow.AddDays(30);

    [Fact]
    public async Task A_read_only_token_reads_and_is_refused_a_mutation_that_then_changes_nothing()
    {
        await using var server = await WriteFixture.StartAsync();
        using var http = new GraphQLHttp(server);
        var user = await WriteFixture.SignUpAsync(http, "ada@example.org");
        await WriteFixture.CreateDraftAsync(http, user);
        // Read-only is the default: the input leaves it out.
        var made = (await AccessTokenCalls.CreateAsync(http, user.Token, "reader", InAMonth)).Data("createAccessToken");
        Assert.True(made.GetProperty("accessToken").GetProperty("readOnly").GetBoolean());
        var token = made.GetProperty("token").GetString()!;

        Assert.Equal(1, (await http.PostAsync("{ experiments { totalCount } }", token: token)).Data("experiments").GetProperty("totalCount").GetInt32());
        Assert.Equal("""["experiments:read"]""", (await http.PostAsync("{ me { permissions } }", token: token)).Data("me").GetProperty("permissions").GetRawText());
        var before = await AccessServers.StateAsync(server);

        var refused = await WriteFixture.CreateAsync(http, user with { Token = token }, new { application = "demo", name = "Refused", draft = true });

        Assert.Equal("AUTH_NOT_AUTHORIZED", refused.ErrorCode);
        Assert.Equal(
            "Not allowed: this needs the permission experiments:write, which this personal access token does not give (sign in for it).",
            refused.ErrorMessage);
        Assert.Equal("""["createExperiment"]""", refused.Error.GetProperty("path").GetRawText());
        Assert.Equal(before, await AccessServers.StateAsync(server));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_read_only_token_downloads_its_users_files_and_its_uploads_are_refused_before_any_is_kept()
    {
        await using var server = await WriteFixture.StartAsync();
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var user = await WriteFixture.SignUpAsync(http, "ada@example.org");
        await WriteMultipart.CreateAsync(client, user.Token, new { application = "demo", name = "Scans", draft = true }, new WriteMultipart.FilePart("images", "scan.nii", new byte[12]));
        var row = Assert.Single(await WriteFixture.RowsAsync(server));
        var (token, _) = await AccessTokenCalls.MakeAsync(http, user.Token, "reader", InAMonth, readOnly: true);
        using var download = new HttpRequestMessage(HttpMethod.Get, $"experiments/{WriteFixture.IdOf(row.Id)}/files/{Uri.EscapeDataString(Assert.Single(row.Inputs).StoredName)}");
        download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var served = await client.SendAsync(download);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(12, (await served.Content.ReadAsByteArrayAsync()).Length);
        var before = await AccessServers.StateAsync(server);

        var upload = await WriteMultipart.CreateAsync(client, token, new { application = "demo", name = "Refused" }, new WriteMultipart.FilePart("images", "scan.nii", new byte[4096]));

        Assert.Equal(HttpStatusCode.Forbidden, upload.Status);
        Assert.Equal("AUTH_NOT_AUTHORIZED", upload.ErrorCode);
        Assert.Equal(before, await AccessServers.StateAsync(server));
    }

    [Fact]
    public async Task A_full_token_changes_what_its_user_may_and_the_session_alone_holds_tokens_manage()
    {
        await using var server = await WriteFixture.StartAsync();
        using var http = new GraphQLHttp(server);
        var user = await WriteFixture.SignUpAsync(http, "ada@example.org");
        var (token, _) = await AccessTokenCalls.MakeAsync(http, user.Token, "writer", InAMonth, readOnly: false);

        var created = await WriteFixture.CreateAsync(http, user with { Token = token }, new { application = "demo", name = "By script", draft = true });

        Assert.Equal("By script", created.Data("createExperiment").GetProperty("experiment").GetProperty("name").GetString());
        Assert.Equal("""["experiments:read","experiments:write"]""", (await http.PostAsync("{ me { permissions } }", token: token)).Data("me").GetProperty("permissions").GetRawText());
        Assert.Equal(
            """["experiments:read","experiments:write","credentials:manage"]""",
            (await http.PostAsync("{ me { permissions } }", token: user.Token)).Data("me").GetProperty("permissions").GetRawText());
    }
}
