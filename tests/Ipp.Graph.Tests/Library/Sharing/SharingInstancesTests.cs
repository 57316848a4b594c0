using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Library.Sharing;

/// <summary>
/// A grant made or revoked through one instance holds on the other from its next request: the database decides every
/// time, no instance remembers grants.
/// </summary>
public sealed class SharingInstancesTests : TwoInstances
{
    protected override string[] Settings => [$"--Storage:Local:Path={Path.Combine(Folder, "blobs")}"];

    [PostgreSqlFact]
    public async Task A_grant_and_its_revocation_through_one_instance_hold_on_the_other_at_once()
    {
        using var a = A.CreateClient();
        using var b = B.CreateClient();
        var owner = await EngineerAsync(a, "owner@example.org");
        var grantee = await EngineerAsync(a, "grantee@example.org");
        var entry = await UploadAsync(a, owner, "shared.txt", "shared bytes"u8.ToArray());
        var share = await PostAsync(
            a,
            "mutation($input: ShareEntryInput!) { shareEntry(input: $input) { share { id } errors { __typename } } }",
            new { input = new { entryId = entry, grantee = new { email = "grantee@example.org" } } },
            owner);
        var shareId = share.GetProperty("data").GetProperty("shareEntry").GetProperty("share").GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, await DownloadAsync(b, entry, grantee));
        Assert.Equal(JsonValueKind.Object, (await NodeAsync(b, entry, grantee)).ValueKind);

        await PostAsync(a, "mutation($id: ID!) { revokeShare(input: {id: $id}) { revokedId } }", new { id = shareId }, owner);

        Assert.Equal(HttpStatusCode.NotFound, await DownloadAsync(b, entry, grantee));
        Assert.Equal(JsonValueKind.Null, (await NodeAsync(b, entry, grantee)).ValueKind);
    }

    private async Task<string> EngineerAsync(HttpClient client, string email)
    {
        var created = await PostAsync(client, "mutation($email: String!) { createUser(input: {email: $email, password: \"correct horse battery\"}) { user { id } } }", new { email }, null);
        Assert.True(Ipp.Graph.GraphQL.GlobalId.TryDecode(created.GetProperty("data").GetProperty("createUser").GetProperty("user").GetProperty("id").GetString()!, "User", out var id));
        await Database.ExecuteAsync("INSERT INTO user_roles (user_id, role) VALUES (@id, 'DATA_ENGINEER')", ("@id", id));
        var signedIn = await PostAsync(client, "mutation($email: String!) { authenticate(input: {email: $email, password: \"correct horse battery\"}) { token } }", new { email }, null);
        return signedIn.GetProperty("data").GetProperty("authenticate").GetProperty("token").GetString()!;
    }

    private static async Task<string> UploadAsync(HttpClient client, string token, string name, byte[] bytes)
    {
        var operations = JsonSerializer.Serialize(new
        {
            query = "mutation($input: UploadFilesInput!) { uploadFiles(input: $input) { entries { id } } }",
            variables = new { input = new { files = new[] { new { file = (string?)null, path = name } } } },
        });
        using var content = new MultipartFormDataContent(WriteMultipart.Boundary);
        content.Add(new StringContent(operations), "operations");
        content.Add(new StringContent("""{"0":["variables.input.files.0.file"]}"""), "map");
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "0", name);
        using var response = await client.SendAsync(WriteMultipart.Request(token, content));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("data").GetProperty("uploadFiles").GetProperty("entries")[0].GetProperty("id").GetString()!;
    }

    private static async Task<HttpStatusCode> DownloadAsync(HttpClient client, string entry, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"library/{entry}/content");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<JsonElement> NodeAsync(HttpClient client, string entry, string token) =>
        (await PostAsync(client, "query($id: ID!) { node(id: $id) { id } }", new { id = entry }, token)).GetProperty("data").GetProperty("node");
}
