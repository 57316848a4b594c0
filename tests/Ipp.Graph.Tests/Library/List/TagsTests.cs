using System.Text.Json;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tags.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Library.List.LibraryRows;

namespace Ipp.Graph.Tests.Library.List;

/// <summary>
/// Tags over the real server: a user's own tags are theirs alone, custom ones everyone's and managed by tags:manage;
/// names are checked and unique per kind; touching a tag one may not is TAG_NOT_FOUND and changes nothing.
/// </summary>
public sealed class TagsTests
{
    private const string Tags = "{ tags { id name kind } }";

    private const string Named = "... on TagNameTakenError { name } ... on InvalidTagNameError { maxLength }";

    private const string CreateTag =
        "mutation($name: String!) { createTag(input: {name: $name}) { tag { id name kind createdAt } errors { __typename ... on Error { code message } "
        + Named + " ... on TagLimitReachedError { maxTags } } } }";

    private const string RenameTag =
        "mutation($id: ID!, $name: String!) { renameTag(input: {id: $id, name: $name}) { tag { id name kind } errors { __typename ... on Error { code message } "
        + Named + " ... on TagNotFoundError { id } } } }";

    private const string CreateCustomTag =
        "mutation($name: String!) { createCustomTag(input: {name: $name}) { tag { id name kind createdAt } errors { __typename ... on Error { code message } " + Named + " } } }";

    private const string RenameCustomTag =
        "mutation($id: ID!, $name: String!) { renameCustomTag(input: {id: $id, name: $name}) { tag { id name kind } errors { __typename ... on Error { code message } "
        + Named + " ... on TagNotFoundError { id } } } }";

    private const string DeleteTag = "mutation($id: ID!) { deleteTag(input: {id: $id}) { deletedId errors { __typename ... on Error { code } } } }";

    private const string DeleteCustomTag = "mutation($id: ID!) { deleteCustomTag(input: {id: $id}) { deletedId errors { __typename ... on Error { code } } } }";

    [Fact]
    public async Task Own_tags_are_listed_to_their_owner_alone_and_custom_tags_to_everyone()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var bob = await AccessServers.SignUpAsync(server, "AI_RESEARCHER");
        var admin = await AccessServers.SignUpAsync(server, "ADMIN");
        using var http = new GraphQLHttp(server);

        var raw = (await http.PostAsync(CreateTag, new { name = "  Raw scans " }, ada.Token)).Data("createTag").GetProperty("tag");
        Assert.Equal(("Raw scans", "OWN"), (raw.GetProperty("name").GetString(), raw.GetProperty("kind").GetString()));
        // Another user may have an own tag of the same name; the owner may not have two.
        Assert.NotEqual(JsonValueKind.Null, (await http.PostAsync(CreateTag, new { name = "raw scans" }, bob.Token)).Data("createTag").GetProperty("tag").ValueKind);
        var taken = (await http.PostAsync(CreateTag, new { name = "RAW SCANS" }, ada.Token)).PayloadError("createTag");
        Assert.Equal(("TAG_NAME_TAKEN", "RAW SCANS"), (taken.GetProperty("code").GetString(), taken.GetProperty("name").GetString()));
        var custom = (await http.PostAsync(CreateCustomTag, new { name = "MRI" }, admin.Token)).Data("createCustomTag").GetProperty("tag");
        Assert.Equal("CUSTOM", custom.GetProperty("kind").GetString());
        Assert.Equal("TAG_NAME_TAKEN", (await http.PostAsync(CreateCustomTag, new { name = "mri" }, admin.Token)).PayloadErrorCode("createCustomTag"));

        var adas = (await http.PostAsync(Tags, token: ada.Token)).Data("tags").EnumerateArray().ToArray();
        Assert.Equal([("MRI", "CUSTOM"), ("Raw scans", "OWN")], adas.Select(t => (t.GetProperty("name").GetString(), t.GetProperty("kind").GetString())));
        var bobs = (await http.PostAsync(Tags, token: bob.Token)).Data("tags").EnumerateArray().ToArray();
        Assert.DoesNotContain(bobs, t => t.GetProperty("id").GetString() == raw.GetProperty("id").GetString());
        Assert.Equal(2, bobs.Length);
        var node = await http.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = raw.GetProperty("id").GetString() }, bob.Token);
        Assert.Equal(JsonValueKind.Null, node.Data("node").ValueKind);
        var own = await http.PostAsync("query($id: ID!) { node(id: $id) { ... on Tag { name } } }", new { id = raw.GetProperty("id").GetString() }, ada.Token);
        Assert.Equal("Raw scans", own.Data("node").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    [InlineData("123456789012345678901234567890123456789012345678901")]
    public async Task A_name_that_cannot_name_a_tag_is_refused(string name)
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        using var http = new GraphQLHttp(server);

        var error = (await http.PostAsync(CreateTag, new { name }, ada.Token)).PayloadError("createTag");

        Assert.Equal(("INVALID_TAG_NAME", 50), (error.GetProperty("code").GetString(), error.GetProperty("maxLength").GetInt32()));
        await using var db = await LibraryUploads.DatabaseAsync(server);
        Assert.Empty(await db.Set<Tag>().ToListAsync());
    }

    [Fact]
    public async Task A_user_may_keep_as_many_own_tags_as_the_setting_allows()
    {
        await using var server = await WriteFixture.StartAsync("--Tags:MaxPerUser=2");
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        using var http = new GraphQLHttp(server);
        (await http.PostAsync(CreateTag, new { name = "one" }, ada.Token)).Data("createTag");
        var two = (await http.PostAsync(CreateTag, new { name = "two" }, ada.Token)).Data("createTag").GetProperty("tag").GetProperty("id").GetString();

        var error = (await http.PostAsync(CreateTag, new { name = "three" }, ada.Token)).PayloadError("createTag");

        Assert.Equal(("TAG_LIMIT_REACHED", 2), (error.GetProperty("code").GetString(), error.GetProperty("maxTags").GetInt32()));
        Assert.Equal(two, (await http.PostAsync(DeleteTag, new { id = two }, ada.Token)).Data("deleteTag").GetProperty("deletedId").GetString());
        (await http.PostAsync(CreateTag, new { name = "three" }, ada.Token)).Data("createTag");
    }

    [Fact]
    public async Task Another_users_tag_or_a_tag_of_the_other_kind_is_not_found_and_nothing_changes()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var bob = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var admin = await AccessServers.SignUpAsync(server, "ADMIN");
        var adas = await AddTagAsync(server, ada.Id, "ada's");
        var custom = await AddTagAsync(server, null, "custom");
        using var http = new GraphQLHttp(server);
        var before = await server.Database.RowsAsync();

        Assert.Equal("TAG_NOT_FOUND", (await http.PostAsync(RenameTag, new { id = IdOf(adas), name = "bob's now" }, bob.Token)).PayloadErrorCode("renameTag"));
        Assert.Equal("TAG_NOT_FOUND", (await http.PostAsync(DeleteTag, new { id = IdOf(adas) }, bob.Token)).PayloadErrorCode("deleteTag"));
        Assert.Equal("TAG_NOT_FOUND", (await http.PostAsync(RenameTag, new { id = IdOf(custom), name = "mine now" }, ada.Token)).PayloadErrorCode("renameTag"));
        Assert.Equal("TAG_NOT_FOUND", (await http.PostAsync(DeleteTag, new { id = IdOf(custom) }, ada.Token)).PayloadErrorCode("deleteTag"));
        Assert.Equal("TAG_NOT_FOUND", (await http.PostAsync(RenameCustomTag, new { id = IdOf(adas), name = "x" }, admin.Token)).PayloadErrorCode("renameCustomTag"));
        Assert.Equal("TAG_NOT_FOUND", (await http.PostAsync(DeleteCustomTag, new { id = IdOf(adas) }, admin.Token)).PayloadErrorCode("deleteCustomTag"));
        var notATag = (await http.PostAsync(DeleteTag, new { id = "not an id" }, ada.Token)).PayloadError("deleteTag");
        Assert.Equal("TAG_NOT_FOUND", notATag.GetProperty("code").GetString());
        Assert.Equal(before, await server.Database.RowsAsync());
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Renaming_shows_the_new_name_on_entries_and_deleting_takes_the_tag_off_them()
    {
        await using var server = await WriteFixture.StartAsync();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var admin = await AccessServers.SignUpAsync(server, "ADMIN");
        var own = await AddTagAsync(server, ada.Id, "draft");
        var custom = await AddTagAsync(server, null, "mri");
        await AddEntryAsync(server, ada.Id, "scan.nii", tags: [own, custom]);
        using var http = new GraphQLHttp(server);

        Assert.Equal("Final", (await http.PostAsync(RenameTag, new { id = IdOf(own), name = "Final" }, ada.Token)).Data("renameTag").GetProperty("tag").GetProperty("name").GetString());
        Assert.Equal("MRI", (await http.PostAsync(RenameCustomTag, new { id = IdOf(custom), name = "MRI" }, admin.Token)).Data("renameCustomTag").GetProperty("tag").GetProperty("name").GetString());
        var tags = (await FilesAsync(http, ada)).GetProperty("nodes")[0].GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.Equal(["Final", "MRI"], tags);

        Assert.Equal(IdOf(custom), (await http.PostAsync(DeleteCustomTag, new { id = IdOf(custom) }, admin.Token)).Data("deleteCustomTag").GetProperty("deletedId").GetString());
        Assert.Equal(IdOf(own), (await http.PostAsync(DeleteTag, new { id = IdOf(own) }, ada.Token)).Data("deleteTag").GetProperty("deletedId").GetString());

        Assert.Empty((await FilesAsync(http, ada)).GetProperty("nodes")[0].GetProperty("tags").EnumerateArray());
        await using var db = await LibraryUploads.DatabaseAsync(server);
        Assert.Empty(await db.Set<LibraryEntryTag>().ToListAsync());
        Assert.Single(await db.Set<LibraryEntry>().ToListAsync());
    }
}
