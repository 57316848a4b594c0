using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Library.LibraryUploads;
using static Ipp.Graph.Tests.Library.List.LibraryRows;

namespace Ipp.Graph.Tests.Library.List;

/// <summary>
/// renameEntry, deleteEntries, tagEntries, untagEntries and uploadFiles' tags over the real server, database and
/// local blob store: the owner's entries change; anyone else's, shared or not, and anyone else's own tags are not
/// found and nothing changes; deleting frees the quota and removes the bytes.
/// </summary>
public sealed class EntryChangesTests
{
    private const string Rename =
        "mutation($id: ID!, $name: String!) { renameEntry(input: {id: $id, name: $name}) { entry { id name } errors { __typename ... on Error { code } "
        + "... on LibraryEntryNotFoundError { id } ... on LibraryEntryNameTakenError { name } ... on InvalidLibraryPathError { path } } } }";

    private const string Delete =
        "mutation($ids: [ID!]!) { deleteEntries(input: {ids: $ids}) { deletedIds errors { __typename ... on Error { code } ... on LibraryEntryNotFoundError { id } ... on TooManyIdsError { maxIds } } } }";

    private const string Tag =
        "mutation($entries: [ID!]!, $tags: [ID!]!) { tagEntries(input: {entryIds: $entries, tagIds: $tags}) { entries { name tags { name } } "
        + "errors { __typename ... on Error { code } ... on LibraryEntryNotFoundError { id } ... on TagNotFoundError { id } ... on TooManyIdsError { maxIds } } } }";

    private const string Untag =
        "mutation($entries: [ID!]!, $tags: [ID!]!) { untagEntries(input: {entryIds: $entries, tagIds: $tags}) { entries { name tags { name } } "
        + "errors { __typename ... on Error { code } } } }";

    [Fact]
    public async Task The_owner_tags_and_untags_entries_with_own_and_custom_tags()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "AI_RESEARCHER");
        var raw = await AddTagAsync(server, ada.Id, "raw");
        var mri = await AddTagAsync(server, null, "mri");
        var scan = await AddEntryAsync(server, ada.Id, "scan.nii", tags: raw);
        var notes = await AddEntryAsync(server, ada.Id, "notes.txt");
        using var http = new GraphQLHttp(server);

        var tagged = (await http.PostAsync(Tag, new { entries = new[] { IdOf(scan), IdOf(notes), IdOf(scan) }, tags = new[] { IdOf(raw), IdOf(mri) } }, ada.Token))
            .Data("tagEntries").GetProperty("entries").EnumerateArray().ToArray();

        Assert.Equal(["scan.nii", "notes.txt"], tagged.Select(e => e.GetProperty("name").GetString()));
        Assert.All(tagged, e => Assert.Equal(["mri", "raw"], e.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString())));
        var untagged = (await http.PostAsync(Untag, new { entries = new[] { IdOf(scan) }, tags = new[] { IdOf(raw) } }, ada.Token)).Data("untagEntries");
        Assert.Equal(["mri"], untagged.GetProperty("entries")[0].GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        await using var db = await DatabaseAsync(server);
        Assert.Equal(3, await db.Set<LibraryEntryTag>().CountAsync());
    }

    [Fact]
    public async Task Tagging_anyone_elses_entry_or_with_anyone_elses_own_tag_is_not_found_and_changes_nothing()
    {
        await using var server = await WriteFixture.StartAsync("--Library:MaxIdsPerChange=2");
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var bob = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var adas = await AddEntryAsync(server, ada.Id, "ada.csv");
        var bobs = await AddEntryAsync(server, bob.Id, "bob.csv");
        await ShareAsync(server, bob.Id, ada.Id, entry: bobs);
        var adaTag = await AddTagAsync(server, ada.Id, "ada's");
        var bobTag = await AddTagAsync(server, bob.Id, "bob's");
        using var http = new GraphQLHttp(server);
        var before = await server.Database.RowsAsync();

        // Shared with ada, still bob's: not hers to tag.
        var entry = (await http.PostAsync(Tag, new { entries = new[] { IdOf(adas), IdOf(bobs) }, tags = new[] { IdOf(adaTag) } }, ada.Token)).PayloadError("tagEntries");
        Assert.Equal(("ENTRY_NOT_FOUND", IdOf(bobs)), (entry.GetProperty("code").GetString(), entry.GetProperty("id").GetString()));
        var tag = (await http.PostAsync(Tag, new { entries = new[] { IdOf(adas) }, tags = new[] { IdOf(bobTag) } }, ada.Token)).PayloadError("tagEntries");
        Assert.Equal(("TAG_NOT_FOUND", IdOf(bobTag)), (tag.GetProperty("code").GetString(), tag.GetProperty("id").GetString()));
        Assert.Equal("TAG_NOT_FOUND", (await http.PostAsync(Untag, new { entries = new[] { IdOf(adas) }, tags = new[] { IdOf(bobTag) } }, ada.Token)).PayloadErrorCode("untagEntries"));
        var many = (await http.PostAsync(Tag, new { entries = new[] { IdOf(adas), IdOf(adas), IdOf(adas) }, tags = new[] { IdOf(adaTag) } }, ada.Token)).PayloadError("tagEntries");
        Assert.Equal(("TOO_MANY_IDS", 2), (many.GetProperty("code").GetString(), many.GetProperty("maxIds").GetInt32()));

        Assert.Equal(before, await server.Database.RowsAsync());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task An_upload_puts_the_tags_given_on_every_new_entry_and_one_it_may_not_use_stores_nothing()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var bob = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var raw = await AddTagAsync(server, ada.Id, "raw");
        var mri = await AddTagAsync(server, null, "mri");
        var bobs = await AddTagAsync(server, bob.Id, "bob's");

        var refused = await UploadAsync(server, ada, [IdOf(raw), IdOf(bobs)], FilePart.Text("a.txt", "a"));

        var error = refused.PayloadError("uploadFiles");
        Assert.Equal("TAG_NOT_FOUND", error.GetProperty("code").GetString());
        Assert.Empty(BlobFiles(server));
        await using (var db = await DatabaseAsync(server))
        {
            Assert.Empty(await db.Set<LibraryEntry>().ToListAsync());
        }

        var tooMany = await UploadAsync(server, ada, [.. Enumerable.Range(0, 101).Select(_ => IdOf(raw))], FilePart.Text("a.txt", "a"));
        Assert.Equal("TOO_MANY_IDS", tooMany.PayloadErrorCode("uploadFiles"));
        Assert.Empty(BlobFiles(server));

        Assert.Equal(2, Entries(await UploadAsync(server, ada, [IdOf(raw), IdOf(mri)], FilePart.Text("a.txt", "a"), FilePart.Text("study/b.txt", "b"))).Length);
        using var http = new GraphQLHttp(server);
        var nodes = (await FilesAsync(http, ada)).GetProperty("nodes").EnumerateArray().ToArray();
        Assert.All(nodes, n => Assert.Equal(["mri", "raw"], n.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task The_owner_renames_an_entry_to_a_free_safe_name_and_no_one_else_can()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var bob = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var scan = await AddEntryAsync(server, ada.Id, "scan.nii");
        await AddEntryAsync(server, ada.Id, "notes.txt");
        await ShareAsync(server, ada.Id, bob.Id, entry: scan);
        using var http = new GraphQLHttp(server);
        var before = await server.Database.RowsAsync();

        Assert.Equal("ENTRY_NOT_FOUND", (await http.PostAsync(Rename, new { id = IdOf(scan), name = "bob's.nii" }, bob.Token)).PayloadErrorCode("renameEntry"));
        var taken = (await http.PostAsync(Rename, new { id = IdOf(scan), name = "NOTES.txt" }, ada.Token)).PayloadError("renameEntry");
        Assert.Equal(("ENTRY_NAME_TAKEN", "NOTES.txt"), (taken.GetProperty("code").GetString(), taken.GetProperty("name").GetString()));
        foreach (var bad in new[] { "..", "a/b", "/abs", "", "CON", "x\\y" })
        {
            var invalid = (await http.PostAsync(Rename, new { id = IdOf(scan), name = bad }, ada.Token)).PayloadError("renameEntry");
            Assert.Equal(("INVALID_PATH", bad), (invalid.GetProperty("code").GetString(), invalid.GetProperty("path").GetString()));
        }

        Assert.Equal(before, await server.Database.RowsAsync());
        Assert.Equal("SCAN.nii", (await http.PostAsync(Rename, new { id = IdOf(scan), name = "SCAN.nii" }, ada.Token)).Data("renameEntry").GetProperty("entry").GetProperty("name").GetString());
        Assert.Equal("what_.nii", (await http.PostAsync(Rename, new { id = IdOf(scan), name = "what?.nii" }, ada.Token)).Data("renameEntry").GetProperty("entry").GetProperty("name").GetString());
        Assert.Equal(["notes.txt", "what_.nii"], await NamesAsync(http, ada, order: new { name = "ASC" }));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Deleting_entries_removes_their_rows_and_bytes_and_frees_the_quota()
    {
        await using var server = await WriteFixture.StartAsync("--Experiments:MaxUserBytes=2000");
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var bob = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var raw = await AddTagAsync(server, ada.Id, "raw");
        var stored = Entries(await UploadAsync(server, ada, [IdOf(raw)], FilePart.Text("big.bin", new string('x', 1200)), FilePart.Text("study/a.txt", "a"), FilePart.Text("study/b.txt", "b")));
        var ids = stored.Select(e => e.GetProperty("id").GetString()!).ToArray();
        var bobs = Entries(await UploadAsync(server, bob, FilePart.Text("bob.bin", "bob")))[0].GetProperty("id").GetString()!;
        Assert.Equal(4, BlobFiles(server).Length);
        Assert.Equal("QUOTA_EXCEEDED", (await UploadAsync(server, ada, FilePart.Text("more.bin", new string('y', 1000)))).ErrorCode);
        using var http = new GraphQLHttp(server);

        // One id that is not hers: nothing is deleted.
        var refused = (await http.PostAsync(Delete, new { ids = new[] { ids[0], bobs } }, ada.Token)).PayloadError("deleteEntries");
        Assert.Equal(("ENTRY_NOT_FOUND", bobs), (refused.GetProperty("code").GetString(), refused.GetProperty("id").GetString()));
        Assert.Equal(4, BlobFiles(server).Length);

        var deleted = (await http.PostAsync(Delete, new { ids = new[] { ids[0], ids[1], ids[0] } }, ada.Token)).Data("deleteEntries");

        Assert.Equal([ids[0], ids[1]], deleted.GetProperty("deletedIds").EnumerateArray().Select(id => id.GetString()));
        Assert.Single(BlobFiles(server));
        await using (var db = await DatabaseAsync(server))
        {
            Assert.Equal([bob.Id], await db.Set<LibraryEntry>().Select(e => e.OwnerId).ToListAsync());
            Assert.Single(await db.Set<LibraryFile>().ToListAsync());
            Assert.Empty(await db.Set<LibraryEntryTag>().ToListAsync());
        }

        Assert.Single(Entries(await UploadAsync(server, ada, FilePart.Text("more.bin", new string('y', 1000)))));
        Assert.Equal("ENTRY_NOT_FOUND", (await http.PostAsync(Delete, new { ids = new[] { ids[0] } }, ada.Token)).PayloadErrorCode("deleteEntries"));
        Assert.Empty(server.Logs.Errors);
    }
}
