using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Data;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ipp.Graph.Tests.Library;

/// <summary>
/// <c>uploadFiles</c> as a GraphQL multipart request (operations, map, one part per file), as a browser's upload
/// client sends it, and what the library's tests read back: rows and the blob store's files.
/// </summary>
public static class LibraryUploads
{
    /// <summary>The entry fields the tests read.</summary>
    public const string EntryFields = "id name kind size fileCount sha256 createdAt";

    public const string Upload =
        "mutation($input: UploadFilesInput!) { uploadFiles(input: $input) { entries { " + EntryFields + " } "
        + "errors { __typename ... on Error { code message } ... on InvalidLibraryPathError { path } ... on LibraryEntryNameTakenError { name } "
        + "... on FolderTooLargeError { name maxFiles } ... on QuotaExceededError { maxBytes usedBytes requestedBytes } } } }";

    /// <summary>A file of the upload: its path (null: none given, the part's file name is used), the part's file name, its bytes.</summary>
    public sealed record FilePart(string? Path, string FileName, byte[] Content)
    {
        public static FilePart Text(string path, string content) => new(path, System.IO.Path.GetFileName(path), Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Sends uploadFiles with <paramref name="files"/> as <paramref name="user"/>; the GraphQL response.</summary>
    public static Task<GraphQLResponse> UploadAsync(RunningServer server, WriteUser user, params FilePart[] files) =>
        UploadAsync(server, user, tagIds: null, files);

    /// <summary>Sends uploadFiles with <paramref name="files"/> and the tags <paramref name="tagIds"/> (none: no <c>tagIds</c>) as <paramref name="user"/>.</summary>
    public static async Task<GraphQLResponse> UploadAsync(RunningServer server, WriteUser user, string[]? tagIds, params FilePart[] files)
    {
        using var client = server.CreateClient();
        return await UploadAsync(client, user.Token, tagIds, files);
    }

    /// <summary>Sends uploadFiles with <paramref name="files"/> through <paramref name="client"/> (any instance) with <paramref name="token"/>.</summary>
    public static Task<GraphQLResponse> UploadAsync(HttpClient client, string token, params FilePart[] files) =>
        UploadAsync(client, token, tagIds: null, files);

    /// <summary>Sends uploadFiles with <paramref name="files"/> and the tags <paramref name="tagIds"/> through <paramref name="client"/> with <paramref name="token"/>.</summary>
    public static async Task<GraphQLResponse> UploadAsync(HttpClient client, string token, string[]? tagIds, params FilePart[] files)
    {
        var operations = JsonSerializer.Serialize(new
        {
            query = Upload,
            variables = new { input = new { files = files.Select(f => new { file = (string?)null, path = f.Path }).ToArray(), tagIds } },
        });
        var map = "{" + string.Join(',', files.Select((_, i) => $"\"{i}\":[\"variables.input.files.{i}.file\"]")) + "}";
        using var content = new MultipartFormDataContent(WriteMultipart.Boundary);
        content.Add(new StringContent(operations), "operations");
        content.Add(new StringContent(map), "map");
        for (var i = 0; i < files.Length; i++)
        {
            var part = new ByteArrayContent(files[i].Content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, i.ToString(System.Globalization.CultureInfo.InvariantCulture), files[i].FileName);
        }

        using var response = await client.SendAsync(WriteMultipart.Request(token, content));
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), []);
    }

    /// <summary>The new entries of a successful upload.</summary>
    public static JsonElement[] Entries(GraphQLResponse response) =>
        response.Data("uploadFiles").GetProperty("entries").EnumerateArray().ToArray();

    /// <summary>A context on the server's database, to read what the library recorded.</summary>
    public static Task<IppDbContext> DatabaseAsync(RunningServer server) =>
        server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();

    /// <summary>Every blob file under the server's local blob store (temporary uploads included).</summary>
    public static string[] BlobFiles(RunningServer server) =>
        Directory.Exists(server.BlobFolder) ? Directory.GetFiles(server.BlobFolder, "*", SearchOption.AllDirectories) : [];
}
