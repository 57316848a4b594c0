using System.Net;
using System.Text.Json;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Library.Download;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Library.LibraryUploads;
using static Ipp.Graph.Tests.Library.Sharing.Sharing;

namespace Ipp.Graph.Tests.Library.Sharing;

/// <summary>
/// shareEntry, shareTag, revokeShare and the lists of grants over the real server: a grantee reaches exactly what was
/// granted (seeing, and downloading when their role allows), learns nothing of other grants, and loses it at once
/// when the grant ends; a refusal changes nothing.
/// </summary>
public sealed class LibrarySharingTests(LibraryDownloadServer fixture) : IClassFixture<LibraryDownloadServer>
{
    private Ipp.Graph.Tests.Support.RunningServer Server => fixture.Server;

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():n}";

    [Fact]
    public async Task An_entry_shared_by_email_is_seen_and_downloaded_by_its_grantee_alone_who_learns_nothing_of_other_grants()
    {
        var owner = await fixture.EngineerAsync();
        var grantee = await fixture.EngineerAsync();
        var other = await fixture.EngineerAsync();
        var stranger = await fixture.EngineerAsync();
        var (shared, kept) = (Unique("shared.txt"), Unique("kept.txt"));
        var ids = await fixture.UploadAsync(owner, FilePart.Text(shared, "shared bytes"), FilePart.Text(kept, "kept bytes"));

        var granted = await ShareEntryAsync(Server, owner, ids[0], new { email = grantee.Email.ToUpperInvariant() });
        var toOther = IdOf(await ShareEntryAsync(Server, owner, ids[0], new { email = other.Email }), "shareEntry");

        var share = granted.Data("shareEntry").GetProperty("share");
        Assert.Equal(grantee.Email, share.GetProperty("email").GetString());
        Assert.Equal(shared, share.GetProperty("entry").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, share.GetProperty("group").ValueKind);
        Assert.Equal(JsonValueKind.Null, share.GetProperty("tag").ValueKind);

        // The grantee sees and downloads the shared entry, not the other one; of grants they see none.
        Assert.Equal([shared], await SeenAsync(Server, grantee, ids));
        Assert.Equal(HttpStatusCode.OK, await DownloadAsync(Server, grantee, ids[0]));
        Assert.Equal(HttpStatusCode.NotFound, await DownloadAsync(Server, grantee, ids[1]));
        Assert.Equal(JsonValueKind.Null, (await NodeAsync(Server, grantee, ids[0]))!.Value.GetProperty("shares").ValueKind);
        Assert.Empty(await SharesOfAsync(Server, grantee));
        Assert.Equal(JsonValueKind.Null, (await PostAsync(Server, "query($id: ID!) { node(id: $id) { id } }", new { id = toOther }, grantee)).Data("node").ValueKind);

        // Someone else reaches nothing.
        Assert.Empty(await SeenAsync(Server, stranger, ids));
        Assert.Equal(HttpStatusCode.NotFound, await DownloadAsync(Server, stranger, ids[0]));

        // The owner sees both grants, on the entry and in their list, newest first.
        var onEntry = (await NodeAsync(Server, owner, ids[0]))!.Value.GetProperty("shares").EnumerateArray().Select(s => s.GetProperty("email").GetString());
        Assert.Equal([other.Email, grantee.Email], onEntry);
        Assert.Equal([other.Email, grantee.Email], (await SharesOfAsync(Server, owner)).Select(s => s.GetProperty("email").GetString()));
        Assert.Equal(toOther, (await PostAsync(Server, "query($id: ID!) { node(id: $id) { id } }", new { id = toOther }, owner)).Data("node").GetProperty("id").GetString());
        Assert.Empty(Server.Logs.Errors);
    }

    [Fact]
    public async Task A_grantee_whose_role_cannot_download_sees_the_entry_but_gets_403()
    {
        var owner = await fixture.EngineerAsync();
        var researcher = await AccessServers.SignUpAsync(Server, "AI_RESEARCHER");
        var id = (await fixture.UploadAsync(owner, FilePart.Text(Unique("data.csv"), "a,b")))[0];

        IdOf(await ShareEntryAsync(Server, owner, id, new { email = researcher.Email }), "shareEntry");

        Assert.Single(await SeenAsync(Server, researcher, id));
        Assert.Equal(HttpStatusCode.Forbidden, await DownloadAsync(Server, researcher, id));
    }

    [Fact]
    public async Task Refusals_name_their_reason_and_change_nothing()
    {
        var owner = await fixture.EngineerAsync();
        var grantee = await fixture.EngineerAsync();
        var someone = await fixture.EngineerAsync();
        var mine = (await fixture.UploadAsync(owner, FilePart.Text(Unique("mine.txt"), "m")))[0];
        var theirs = (await fixture.UploadAsync(someone, FilePart.Text(Unique("theirs.txt"), "t")))[0];
        IdOf(await ShareEntryAsync(Server, someone, theirs, new { email = owner.Email }), "shareEntry");
        IdOf(await ShareEntryAsync(Server, owner, mine, new { email = grantee.Email }), "shareEntry");
        var (foreignGroup, _) = await GroupAsync(Server, Unique("not mine"), someone);
        var theirTag = await TestTags.CreateAsync(Server, someone, Unique("theirs"));
        var before = await Server.Database.RowsAsync();

        Assert.Equal("SHARE_USER_NOT_FOUND", (await ShareEntryAsync(Server, owner, mine, new { email = "nobody-" + Guid.NewGuid().ToString("n") + "@example.org" })).PayloadErrorCode("shareEntry"));
        Assert.Equal("CANNOT_SHARE_WITH_SELF", (await ShareEntryAsync(Server, owner, mine, new { email = " " + owner.Email.ToUpperInvariant() })).PayloadErrorCode("shareEntry"));
        Assert.Equal("ALREADY_SHARED", (await ShareEntryAsync(Server, owner, mine, new { email = grantee.Email })).PayloadErrorCode("shareEntry"));
        Assert.Equal("ENTRY_NOT_FOUND", (await ShareEntryAsync(Server, owner, theirs, new { email = grantee.Email })).PayloadErrorCode("shareEntry"));
        Assert.Equal("ENTRY_NOT_FOUND", (await ShareEntryAsync(Server, owner, "not an id", new { email = grantee.Email })).PayloadErrorCode("shareEntry"));
        Assert.Equal("GROUP_NOT_FOUND", (await ShareEntryAsync(Server, owner, mine, new { groupId = foreignGroup })).PayloadErrorCode("shareEntry"));
        Assert.Equal("GROUP_NOT_FOUND", (await ShareEntryAsync(Server, owner, mine, new { groupId = Ipp.Graph.GraphQL.GlobalId.Encode("Group", long.MaxValue) })).PayloadErrorCode("shareEntry"));
        Assert.Equal("TAG_NOT_FOUND", (await ShareTagAsync(Server, owner, theirTag, new { email = grantee.Email })).PayloadErrorCode("shareTag"));
        Assert.Equal("TAG_NOT_FOUND", (await ShareTagAsync(Server, owner, mine, new { email = grantee.Email })).PayloadErrorCode("shareTag"));
        Assert.Equal("SHARE_NOT_FOUND", (await RevokeAsync(Server, owner, mine)).PayloadErrorCode("revokeShare"));

        // A grantee given as both an email and a group is no valid input at all.
        using var http = new GraphQLHttp(Server);
        var both = await http.PostAsync(
            "mutation($input: ShareEntryInput!) { shareEntry(input: $input) { share { id } } }",
            new { input = new { entryId = mine, grantee = new { email = grantee.Email, groupId = foreignGroup } } },
            owner.Token);
        Assert.True(!both.Body.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null, both.Body.GetRawText());
        Assert.NotEmpty(both.Body.GetProperty("errors").EnumerateArray());
        Assert.Equal(before, await Server.Database.RowsAsync());
        Assert.Empty(Server.Logs.Errors);
    }

    [Fact]
    public async Task A_shared_tag_reaches_the_owners_entries_carrying_it_now_and_later_and_no_one_elses()
    {
        var owner = await fixture.EngineerAsync();
        var grantee = await fixture.EngineerAsync();
        var someone = await fixture.EngineerAsync();
        var (a, b, c) = (Unique("a.txt"), Unique("b.txt"), Unique("c.txt"));
        var ids = await fixture.UploadAsync(owner, FilePart.Text(a, "a"), FilePart.Text(b, "b"), FilePart.Text(c, "c"));
        var custom = await TestTags.CreateAsync(Server, null, Unique("custom"));
        var theirs = (await fixture.UploadAsync(someone, FilePart.Text(Unique("theirs.txt"), "t")))[0];
        await TestTags.TagAsync(Server, owner, ids[0], custom);
        await TestTags.TagAsync(Server, owner, ids[2], custom);
        await TestTags.TagAsync(Server, someone, theirs, custom);

        var share = (await ShareTagAsync(Server, owner, custom, new { email = grantee.Email })).Data("shareTag").GetProperty("share");

        Assert.Equal("CUSTOM", share.GetProperty("tag").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, share.GetProperty("entry").ValueKind);
        Assert.Equal([a, c], (await SeenAsync(Server, grantee, [.. ids, theirs])).Order());
        await TestTags.TagAsync(Server, owner, ids[1], custom);
        await TestTags.UntagAsync(Server, owner, ids[0], custom);
        Assert.Equal([b, c], (await SeenAsync(Server, grantee, [.. ids, theirs])).Order());
        Assert.Equal(HttpStatusCode.OK, await DownloadAsync(Server, grantee, ids[1]));
        Assert.Equal(HttpStatusCode.NotFound, await DownloadAsync(Server, grantee, theirs));

        // The owner sees the tag's grant on each entry carrying it.
        var onEntry = Assert.Single((await NodeAsync(Server, owner, ids[2]))!.Value.GetProperty("shares").EnumerateArray());
        Assert.Equal(share.GetProperty("id").GetString(), onEntry.GetProperty("id").GetString());
        Assert.Empty((await NodeAsync(Server, owner, ids[0]))!.Value.GetProperty("shares").EnumerateArray());

        // Asked of several entries at once (one batch), each gets its own.
        var direct = IdOf(await ShareEntryAsync(Server, owner, ids[0], new { email = someone.Email }), "shareEntry");
        var nodes = (await PostAsync(Server, "query($ids: [ID!]!) { nodes(ids: $ids) { ... on LibraryEntry { shares { id } } } }", new { ids }, owner)).Data("nodes");
        Assert.Equal(
            [[direct], [onEntry.GetProperty("id").GetString()!], [onEntry.GetProperty("id").GetString()!]],
            nodes.EnumerateArray().Select(n => n.GetProperty("shares").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray()));
    }

    [Fact]
    public async Task An_own_tag_shared_with_a_group_reaches_its_members_while_they_are_members()
    {
        var owner = await fixture.EngineerAsync();
        var member = await fixture.EngineerAsync();
        var outsider = await fixture.EngineerAsync();
        var name = Unique("team");
        var (group, admin) = await GroupAsync(Server, name, owner, member);
        var tag = await TestTags.CreateAsync(Server, owner, Unique("mine"));
        var id = (await fixture.UploadAsync(owner, FilePart.Text(Unique("t.txt"), "t")))[0];
        await TestTags.TagAsync(Server, owner, id, tag);

        var share = (await ShareTagAsync(Server, owner, tag, new { groupId = group })).Data("shareTag").GetProperty("share");

        Assert.Equal(name, share.GetProperty("group").GetProperty("name").GetString());
        Assert.Equal("OWN", share.GetProperty("tag").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, share.GetProperty("email").ValueKind);
        Assert.Single(await SeenAsync(Server, member, id));
        Assert.Empty(await SeenAsync(Server, outsider, id));
        await PostAsync(Server, "mutation($id: ID!, $users: [ID!]!) { removeGroupMembers(input: {id: $id, userIds: $users}) { group { id } } }",
            new { id = group, users = new[] { Ipp.Graph.GraphQL.GlobalId.Encode("User", member.Id) } }, admin);
        Assert.Empty(await SeenAsync(Server, member, id));
        Assert.Equal(HttpStatusCode.NotFound, await DownloadAsync(Server, member, id));
    }

    [Fact]
    public async Task Revoking_ends_the_access_at_once_and_only_the_owner_may_revoke()
    {
        var owner = await fixture.EngineerAsync();
        var grantee = await fixture.EngineerAsync();
        var id = (await fixture.UploadAsync(owner, FilePart.Text(Unique("r.txt"), "r")))[0];
        var share = IdOf(await ShareEntryAsync(Server, owner, id, new { email = grantee.Email }), "shareEntry");
        Assert.Equal(HttpStatusCode.OK, await DownloadAsync(Server, grantee, id));

        Assert.Equal("SHARE_NOT_FOUND", (await RevokeAsync(Server, grantee, share)).PayloadErrorCode("revokeShare"));
        var revoked = await RevokeAsync(Server, owner, share);

        Assert.Equal(share, revoked.Data("revokeShare").GetProperty("revokedId").GetString());
        Assert.Null(await NodeAsync(Server, grantee, id));
        Assert.Equal(HttpStatusCode.NotFound, await DownloadAsync(Server, grantee, id));
        Assert.Empty(await SharesOfAsync(Server, owner));
        Assert.Equal("SHARE_NOT_FOUND", (await RevokeAsync(Server, owner, share)).PayloadErrorCode("revokeShare"));
    }

    [Fact]
    public async Task Deleting_a_tag_or_a_group_ends_its_grants()
    {
        var owner = await fixture.EngineerAsync();
        var grantee = await fixture.EngineerAsync();
        var member = await fixture.EngineerAsync();
        var (group, admin) = await GroupAsync(Server, Unique("doomed"), owner, member);
        var tag = await TestTags.CreateAsync(Server, owner, Unique("doomed"));
        var ids = await fixture.UploadAsync(owner, FilePart.Text(Unique("x.txt"), "x"), FilePart.Text(Unique("y.txt"), "y"));
        await TestTags.TagAsync(Server, owner, ids[0], tag);
        IdOf(await ShareTagAsync(Server, owner, tag, new { email = grantee.Email }), "shareTag");
        IdOf(await ShareEntryAsync(Server, owner, ids[1], new { groupId = group }), "shareEntry");
        Assert.Single(await SeenAsync(Server, grantee, ids));
        Assert.Single(await SeenAsync(Server, member, ids));

        await TestTags.DeleteAsync(Server, owner, tag);
        await PostAsync(Server, "mutation($id: ID!) { deleteGroup(input: {id: $id}) { deletedId } }", new { id = group }, admin);

        Assert.Empty(await SeenAsync(Server, grantee, ids));
        Assert.Empty(await SeenAsync(Server, member, ids));
        Assert.Empty(await SharesOfAsync(Server, owner));
        await using var db = await DatabaseAsync(Server);
        Assert.False(await db.Set<LibraryShare>().AnyAsync(s => s.OwnerId == owner.Id));
    }

    [Fact]
    public async Task The_list_of_grants_pages_newest_first()
    {
        var owner = await fixture.EngineerAsync();
        var grantees = new[] { await fixture.EngineerAsync(), await fixture.EngineerAsync(), await fixture.EngineerAsync() };
        var id = (await fixture.UploadAsync(owner, FilePart.Text(Unique("p.txt"), "p")))[0];
        foreach (var grantee in grantees)
        {
            IdOf(await ShareEntryAsync(Server, owner, id, new { email = grantee.Email }), "shareEntry");
        }

        var first = (await PostAsync(Server, "{ libraryShares(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { email } } }", null, owner)).Data("libraryShares");
        var after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await PostAsync(Server, "query($after: String) { libraryShares(first: 2, after: $after) { pageInfo { hasNextPage } nodes { email } } }", new { after }, owner)).Data("libraryShares");

        Assert.Equal(3, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(
            grantees.Reverse().Select(g => g.Email),
            first.GetProperty("nodes").EnumerateArray().Concat(second.GetProperty("nodes").EnumerateArray()).Select(n => n.GetProperty("email").GetString()));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }
}
