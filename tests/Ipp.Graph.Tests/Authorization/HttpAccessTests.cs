using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ipp.Graph.Tests.Experiments.Write;

namespace Ipp.Graph.Tests.Authorization;

/// <summary>
/// What is served outside GraphQL asks the same policy: a file of an experiment needs experiments:read (403 without
/// it), and the files of a multipart request need experiments:write before the server keeps any of them.
/// </summary>
public sealed class HttpAccessTests(AccessServers servers) : IClassFixture<AccessServers>
{
    [Fact]
    public async Task A_file_of_ones_experiment_needs_experiments_read()
    {
        // Every signed-in user may create experiments but not read them; maintainers may read them too.
        await using var server = await WriteFixture.StartAsync(
            "--Permissions:SignedIn:0=experiments:write", "--Permissions:Roles:MAINTAINER:0=experiments:read");
        var writer = await AccessServers.SignUpAsync(server);
        using var client = server.CreateClient();
        await WriteMultipart.CreateAsync(client, writer.Token, new { application = "demo", name = "Write only", draft = true }, new WriteMultipart.FilePart("images", "scan.nii", new byte[12]));
        var row = Assert.Single(await WriteFixture.RowsAsync(server));
        var url = $"experiments/{WriteFixture.IdOf(row.Id)}/files/{Uri.EscapeDataString(Assert.Single(row.Inputs).StoredName)}";

        using var refused = await GetAsync(client, url, writer.Token);
        var reader = await AccessServers.WithRolesAsync(server, writer, "MAINTAINER");
        using var served = await GetAsync(client, url, reader.Token);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("AUTH_NOT_AUTHORIZED", body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(12, (await served.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task The_files_of_a_caller_who_may_not_create_experiments_are_refused_before_any_is_kept()
    {
        var server = servers.Bare;
        var caller = await AccessServers.SignUpAsync(server);
        using var client = server.CreateClient();
        var before = await AccessServers.StateAsync(server);

        var response = await WriteMultipart.CreateAsync(
            client, caller.Token, new { application = "demo", name = "Refused" }, new WriteMultipart.FilePart("images", "scan.nii", new byte[4096]));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("AUTH_NOT_AUTHORIZED", response.ErrorCode);
        Assert.Equal("Not allowed: this needs one of the permissions experiments:write, files:write, which your roles do not give.", response.ErrorMessage);
        Assert.Equal(before, await AccessServers.StateAsync(server));
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
