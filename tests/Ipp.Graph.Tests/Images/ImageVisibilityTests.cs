using System.Text.Json;

namespace Ipp.Graph.Tests.Images;

/// <summary>
/// Who sees which image, over the real server: a maintainer (<c>images:manage</c>) every one, a data engineer
/// (<c>images:read</c>) those linked to one of their roles and no other (an image out of reach answers as a missing
/// one), and no change by anyone but a maintainer. The list filters, sorts and pages in the database.
/// </summary>
public sealed class ImageVisibilityTests(ImageServers servers) : IClassFixture<ImageServers>
{
    [Fact]
    public async Task A_data_engineer_sees_only_the_images_of_their_roles_and_a_maintainer_sees_all()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var engineer = await servers.SignUpAsync("DATA_ENGINEER");
        var tag = Guid.NewGuid().ToString("n");
        var theirs = await servers.CreateAsync(maintainer, $"{tag} theirs", ImageServers.UniquePath(), ["DATA_ENGINEER", "AI_RESEARCHER"]);
        var researchers = await servers.CreateAsync(maintainer, $"{tag} researchers", ImageServers.UniquePath(), ["AI_RESEARCHER"]);
        var unlinked = await servers.CreateAsync(maintainer, $"{tag} unlinked", ImageServers.UniquePath());
        var mine = new { name = new { startsWith = tag } };

        var seen = (await servers.PostAsync(ImageOperations.List, new { where = mine }, engineer)).Data("images");
        var all = (await servers.PostAsync(ImageOperations.List, new { where = mine }, maintainer)).Data("images");

        Assert.Equal(Ids(theirs), Ids(seen.GetProperty("nodes").EnumerateArray().ToArray()));
        Assert.Equal(1, seen.GetProperty("totalCount").GetInt32());
        Assert.Equal(Ids(researchers, theirs, unlinked), Ids(all.GetProperty("nodes").EnumerateArray().ToArray()));
        Assert.Equal(theirs.GetRawText(), (await servers.PostAsync(ImageOperations.Node, new { id = Id(theirs) }, engineer)).Data("node").GetRawText());
        foreach (var hidden in new[] { researchers, unlinked })
        {
            Assert.Equal(JsonValueKind.Null, (await servers.PostAsync(ImageOperations.Node, new { id = Id(hidden) }, engineer)).Data("node").ValueKind);
        }

        var nodes = (await servers.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { Id(unlinked), Id(theirs) } }, engineer)).Data("nodes");
        Assert.Equal($$"""[null,{"id":"{{Id(theirs)}}"}]""", nodes.GetRawText());
    }

    [Fact]
    public async Task Linking_or_unlinking_a_role_shows_or_hides_the_image_from_the_next_request()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var researcher = await servers.SignUpAsync("AI_RESEARCHER");
        var image = await servers.CreateAsync(maintainer, ImageServers.Unique("Linked"), ImageServers.UniquePath());
        var id = Id(image);

        Assert.Equal(JsonValueKind.Null, (await servers.PostAsync(ImageOperations.Node, new { id }, researcher)).Data("node").ValueKind);
        await servers.PostAsync(ImageOperations.SetRoles, new { id, roles = new[] { "AI_RESEARCHER" } }, maintainer);
        Assert.Equal(id, (await servers.PostAsync(ImageOperations.Node, new { id }, researcher)).Data("node").GetProperty("id").GetString());
        await servers.PostAsync(ImageOperations.SetRoles, new { id, roles = Array.Empty<string>() }, maintainer);
        Assert.Equal(JsonValueKind.Null, (await servers.PostAsync(ImageOperations.Node, new { id }, researcher)).Data("node").ValueKind);
    }

    [Fact]
    public async Task A_data_engineer_changes_no_image_not_even_one_of_their_roles()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var engineer = await servers.SignUpAsync("DATA_ENGINEER");
        var id = Id(await servers.CreateAsync(maintainer, ImageServers.Unique("Guarded"), ImageServers.UniquePath(), ["DATA_ENGINEER"]));
        var roleless = await servers.SignUpAsync();
        var before = await servers.Server.Database.RowsAsync();

        foreach (var (query, variables) in new (string, object)[]
        {
            (ImageOperations.Create, new { name = ImageServers.Unique("Mine"), path = ImageServers.UniquePath(), roles = new[] { "DATA_ENGINEER" }, parameters = Array.Empty<object>() }),
            (ImageOperations.Rename, new { id, name = ImageServers.Unique("Mine") }),
            (ImageOperations.SetRoles, new { id, roles = new[] { "ADMIN" } }),
            (ImageOperations.SetParameters, new { id, parameters = Array.Empty<object>() }),
            (ImageOperations.Delete, new { id }),
        })
        {
            var response = await servers.PostAsync(query, variables, engineer);
            Assert.Equal("AUTH_NOT_AUTHORIZED", response.ErrorCode);
            Assert.Equal("Not allowed: this needs the permission images:manage, which your roles do not give.", response.ErrorMessage);
        }

        Assert.Equal("AUTH_NOT_AUTHORIZED", (await servers.PostAsync(ImageOperations.List, user: roleless)).ErrorCode);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (await servers.PostAsync(ImageOperations.List)).ErrorCode);
        Assert.Equal(before, await servers.Server.Database.RowsAsync());
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_maintainers_read_only_token_sees_every_image_and_changes_none()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var tag = Guid.NewGuid().ToString("n");
        var unlinked = await servers.CreateAsync(maintainer, $"{tag} unlinked", ImageServers.UniquePath());
        var created = (await servers.PostAsync(
            "mutation($name: String!, $expiresAt: DateTime!) { createAccessToken(input: {name: $name, expiresAt: $expiresAt}) { token } }",
            new { name = "reader", expiresAt = DateTimeOffset.UtcNow.AddDays(1) },
            maintainer)).Data("createAccessToken");
        var token = maintainer with { Token = created.GetProperty("token").GetString()! };

        var listed = (await servers.PostAsync(ImageOperations.List, new { where = new { name = new { startsWith = tag } } }, token)).Data("images");
        var renamed = await servers.PostAsync(ImageOperations.Rename, new { id = Id(unlinked), name = ImageServers.Unique("Renamed") }, token);

        Assert.Equal(Ids(unlinked), Ids(listed.GetProperty("nodes").EnumerateArray().ToArray()));
        Assert.Equal(unlinked.GetRawText(), (await servers.PostAsync(ImageOperations.Node, new { id = Id(unlinked) }, token)).Data("node").GetRawText());
        Assert.Equal("AUTH_NOT_AUTHORIZED", renamed.ErrorCode);
    }

    [Fact]
    public async Task The_list_filters_by_name_without_regard_to_case_sorts_and_pages()
    {
        var maintainer = await servers.SignUpAsync("MAINTAINER");
        var tag = Guid.NewGuid().ToString("n");
        var b = await servers.CreateAsync(maintainer, $"{tag} Bravo", ImageServers.UniquePath());
        var a = await servers.CreateAsync(maintainer, $"{tag} alpha", ImageServers.UniquePath());
        var c = await servers.CreateAsync(maintainer, $"{tag} CHARLIE", "/cvmfs/images.example.org/" + tag + "/charlie.sif");
        var mine = new { name = new { startsWith = tag.ToUpperInvariant() } };

        var first = (await servers.PostAsync(ImageOperations.List, new { where = mine, first = 2 }, maintainer)).Data("images");
        var rest = (await servers.PostAsync(
            ImageOperations.List, new { where = mine, first = 2, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() }, maintainer)).Data("images");
        var newest = (await servers.PostAsync(ImageOperations.List, new { where = mine, order = new[] { new { createdAt = "DESC" } } }, maintainer)).Data("images");
        var sifs = (await servers.PostAsync(
            ImageOperations.List, new { where = new { and = new object[] { mine, new { path = new { endsWith = ".sif" } } } } }, maintainer)).Data("images");

        Assert.Equal(Ids(a, b), Ids(first.GetProperty("nodes").EnumerateArray().ToArray()));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(Ids(c), Ids(rest.GetProperty("nodes").EnumerateArray().ToArray()));
        Assert.Equal(3, rest.GetProperty("totalCount").GetInt32());
        Assert.Equal(Ids(c, a, b), Ids(newest.GetProperty("nodes").EnumerateArray().ToArray()));
        Assert.Equal(Ids(c), Ids(sifs.GetProperty("nodes").EnumerateArray().ToArray()));
    }

    private static string Id(JsonElement image) => image.GetProperty("id").GetString()!;

    private static string Ids(params JsonElement[] images) => string.Join(',', images.Select(Id));
}
