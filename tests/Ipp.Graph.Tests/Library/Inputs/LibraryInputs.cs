using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Library.Inputs;

/// <summary>
/// createExperiment with files taken from the library (<c>libraryEntry</c>), as a JSON POST or, mixed with uploads,
/// as a multipart request; and what the tests do to the library besides uploading: share an entry, delete one as the
/// library does (its blobs, then its rows).
/// </summary>
public static class LibraryInputs
{
    public const string Create =
        "mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id status "
        + "inputs { name parameter size downloadUrl libraryEntry { entryId name entry { id name } } } outputs { name } } "
        + "errors { __typename ... on Error { code message } ... on InvalidParametersError { problems { field message } } "
        + "... on QuotaExceededError { maxBytes usedBytes requestedBytes } } } }";

    public const string InputsQuery =
        "query($id: ID!) { node(id: $id) { ... on Experiment { inputs { name parameter size downloadUrl libraryEntry { entryId name entry { id name } } } outputs { name } } } }";

    /// <summary>A file given to createExperiment: an upload (<paramref name="Content"/>) or a library entry's global id.</summary>
    public sealed record Given(string Parameter, string? LibraryEntry, string? FileName = null, byte[]? Content = null)
    {
        public static Given Entry(string parameter, string id) => new(parameter, id);

        public static Given Upload(string parameter, string fileName, string content) => new(parameter, null, fileName, Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Uploads files to the user's library; the new entries' global ids, by name.</summary>
    public static async Task<Dictionary<string, string>> StoreAsync(RunningServer server, WriteUser user, params LibraryUploads.FilePart[] files)
    {
        var response = await LibraryUploads.UploadAsync(server, user, files);
        return LibraryUploads.Entries(response).ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("id").GetString()!);
    }

    /// <summary>Creates a draft of <c>demo</c> with <paramref name="files"/>: a JSON POST when none is an upload, else a multipart request.</summary>
    public static async Task<GraphQLResponse> CreateAsync(RunningServer server, WriteUser user, params Given[] files)
    {
        var input = new Dictionary<string, object?>
        {
            ["application"] = "demo",
            ["name"] = "From the library",
            ["draft"] = true,
            ["files"] = files.Select(f => f.Content is null
                ? new Dictionary<string, object?> { ["parameter"] = f.Parameter, ["libraryEntry"] = f.LibraryEntry }
                : new Dictionary<string, object?> { ["parameter"] = f.Parameter, ["file"] = null, ["libraryEntry"] = f.LibraryEntry }).ToList(),
        };
        var uploads = files.Select((file, index) => (file, index)).Where(f => f.file.Content is not null).ToList();
        if (uploads.Count == 0)
        {
            using var http = new GraphQLHttp(server);
            return await http.PostAsync(Create, new { input }, user.Token);
        }

        using var client = server.CreateClient();
        using var content = new MultipartFormDataContent(WriteMultipart.Boundary);
        content.Add(new StringContent(JsonSerializer.Serialize(new { query = Create, variables = new { input } })), "operations");
        content.Add(new StringContent("{" + string.Join(',', uploads.Select(u => $"\"{u.index}\":[\"variables.input.files.{u.index}.file\"]")) + "}"), "map");
        foreach (var (file, index) in uploads)
        {
            var part = new ByteArrayContent(file.Content!);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, index.ToString(CultureInfo.InvariantCulture), file.FileName!);
        }

        using var response = await client.SendAsync(WriteMultipart.Request(user.Token, content));
        return new GraphQLResponse(response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), []);
    }

    /// <summary>The created experiment of a successful response.</summary>
    public static JsonElement Experiment(GraphQLResponse response)
    {
        var payload = response.Data("createExperiment");
        Assert.True(payload.GetProperty("errors").ValueKind == JsonValueKind.Null, payload.GetRawText());
        return payload.GetProperty("experiment");
    }

    /// <summary>The database id of a global id of a library entry.</summary>
    public static long KeyOf(string entryId)
    {
        Assert.True(GlobalId.TryDecode(entryId, "LibraryEntry", out var key));
        return key;
    }

    /// <summary>Shares the entry with <paramref name="with"/> as the sharing mutation records it: one row.</summary>
    public static async Task ShareAsync(RunningServer server, WriteUser owner, string entryId, WriteUser with)
    {
        await using var db = await LibraryUploads.DatabaseAsync(server);
        db.Add(new LibraryShare { OwnerId = owner.Id, EntryId = KeyOf(entryId), UserId = with.Id, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>The blob keys of an entry's files.</summary>
    public static async Task<List<BlobKey>> BlobsOfAsync(RunningServer server, string entryId)
    {
        await using var db = await LibraryUploads.DatabaseAsync(server);
        var key = KeyOf(entryId);
        var keys = await db.Set<LibraryFile>().Where(f => f.EntryId == key).OrderBy(f => f.Path).Select(f => f.BlobKey).ToListAsync();
        return keys.Select(BlobKey.Parse).ToList();
    }

    /// <summary>Deletes an entry as the library's deletion does: its bytes from the store, then its rows.</summary>
    public static async Task DeleteEntryAsync(RunningServer server, string entryId)
    {
        var store = server.Services.GetRequiredService<IBlobStore>();
        foreach (var blob in await BlobsOfAsync(server, entryId))
        {
            await store.DeleteAsync(blob, CancellationToken.None);
        }

        await using var db = await LibraryUploads.DatabaseAsync(server);
        var key = KeyOf(entryId);
        Assert.Equal(1, await db.Set<LibraryEntry>().Where(e => e.Id == key).ExecuteDeleteAsync());
    }

    /// <summary>Every file under an experiment's folder, relative to it with '/', and its text.</summary>
    public static Dictionary<string, string> FilesOf(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllText);

    /// <summary>The only problem of an INVALID_PARAMETERS answer: its field and message.</summary>
    public static (string?, string?) SingleProblem(GraphQLResponse response)
    {
        var problem = Assert.Single(response.PayloadError("createExperiment").GetProperty("problems").EnumerateArray());
        return (problem.GetProperty("field").GetString(), problem.GetProperty("message").GetString());
    }

    /// <summary>No experiment row, no experiment folder, nothing left in the staging folder.</summary>
    public static async Task AssertNothingMadeAsync(RunningServer server)
    {
        Assert.Empty(await WriteFixture.RowsAsync(server));
        Assert.Empty(WriteFixture.ExperimentFolders(server.UploadFolder));
        Assert.Empty(WriteFixture.EntriesOf(server, WriteFixture.Staging));
    }
}
