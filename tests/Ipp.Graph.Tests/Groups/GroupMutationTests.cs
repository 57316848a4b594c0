using System.Text.Json;
using Ipp.Graph.Tests.Experiments.Write;

namespace Ipp.Graph.Tests.Groups;

/// <summary>
/// The group mutations and queries over the real server: what an administrator (<c>groups:manage</c>,
/// <c>groups:read</c>) does and reads, who else may read a user's groups, and every bad input answered with its code
/// while the database stays as it was (each mutation is whole or nothing).
/// </summary>
public sealed class GroupMutationTests(GroupServers servers) : IClassFixture<GroupServers>
{
    private const string GroupQuery = "query($id: ID!) { node(id: $id) { ... on Group { id name createdAt members { email } } } }";

    private const string UserGroups = "query($id: ID!) { node(id: $id) { ... on User { email groups { name } } } }";

    private static string Unique(string name) => $"{name} {Guid.NewGuid():n}";

    [Fact]
    public async Task An_administrator_creates_renames_fills_empties_and_deletes_a_group()
    {
        var admin = await servers.SignUpAsync("ADMIN");
        var ann = await servers.SignUpAsync();
        var bob = await servers.SignUpAsync();
        var name = Unique("Readers");

        var created = (await servers.PostAsync(GroupOperations.Create, new { name = "  " + name + "  " }, admin)).Data("createGroup");
        var id = created.GetProperty("group").GetProperty("id").GetString()!;
        Assert.Equal(name, created.GetProperty("group").GetProperty("name").GetString());
        Assert.Equal("[]", created.GetProperty("group").GetProperty("members").GetRawText());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("errors").ValueKind);

        var renamed = (await servers.PostAsync(GroupOperations.Rename, new { id, name = name.ToUpperInvariant() }, admin)).Data("renameGroup");
        Assert.Equal(name.ToUpperInvariant(), renamed.GetProperty("group").GetProperty("name").GetString());

        var added = (await servers.PostAsync(GroupOperations.Add, new { id, userIds = new[] { GroupServers.UserId(bob), GroupServers.UserId(ann), GroupServers.UserId(ann) } }, admin))
            .Data("addGroupMembers");
        Assert.Equal(Emails(ann, bob), added.GetProperty("group").GetProperty("members").GetRawText());

        var listed = (await servers.PostAsync("{ groups { id name members { email } } }", user: admin)).Data("groups");
        var group = Assert.Single(listed.EnumerateArray(), g => g.GetProperty("id").GetString() == id);
        Assert.Equal(Emails(ann, bob), group.GetProperty("members").GetRawText());
        Assert.Equal(name.ToUpperInvariant(), (await servers.PostAsync(GroupQuery, new { id }, admin)).Data("node").GetProperty("name").GetString());

        var removed = (await servers.PostAsync(GroupOperations.Remove, new { id, userIds = new[] { GroupServers.UserId(bob) } }, admin)).Data("removeGroupMembers");
        Assert.Equal(Emails(ann), removed.GetProperty("group").GetProperty("members").GetRawText());

        var deleted = (await servers.PostAsync(GroupOperations.Delete, new { id }, admin)).Data("deleteGroup");
        Assert.Equal(id, deleted.GetProperty("deletedId").GetString());
        Assert.Equal(JsonValueKind.Null, (await servers.PostAsync(GroupQuery, new { id }, admin)).Data("node").ValueKind);
        Assert.Equal(0L, Convert.ToInt64(await servers.Server.Database.ScalarAsync("SELECT COUNT(*) FROM group_members WHERE user_id = @id", ("@id", ann.Id))));
        Assert.Empty(servers.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_user_reads_their_own_groups_and_only_groups_read_reads_anothers()
    {
        var admin = await servers.SignUpAsync("ADMIN");
        var member = await servers.SignUpAsync();
        var other = await servers.SignUpAsync();
        var name = Unique("Mine");
        var id = await servers.CreateGroupAsync(admin, name);
        await servers.AddAsync(admin, id, member);

        var own = (await servers.PostAsync("{ me { groups { id name } } }", user: member)).Data("me");
        var asNode = (await servers.PostAsync(GroupQuery.Replace(" members { email }", ""), new { id }, member)).Data("node");
        var byOther = await servers.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id }, other);
        var byAdmin = (await servers.PostAsync(UserGroups, new { id = GroupServers.UserId(member) }, admin)).Data("node");
        var members = await servers.PostAsync(GroupQuery, new { id }, member);

        Assert.Equal($$"""{"groups":[{"id":"{{id}}","name":"{{name}}"}]}""", own.GetRawText());
        Assert.Equal(name, asNode.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, byOther.Data("node").ValueKind);
        Assert.Equal($$"""[{"name":"{{name}}"}]""", byAdmin.GetProperty("groups").GetRawText());
        Assert.Equal("AUTH_NOT_AUTHORIZED", members.ErrorCode);
    }

    [Fact]
    public async Task Another_users_groups_are_refused_without_groups_read()
    {
        // On a server where MAINTAINER may read users but not groups.
        await using var server = await AccountsServerWith("--Permissions:Roles:MAINTAINER:0=users:read");
        var admin = await Ipp.Graph.Tests.Authorization.AccessServers.SignUpAsync(server, "ADMIN");
        var reader = await Ipp.Graph.Tests.Authorization.AccessServers.SignUpAsync(server, "MAINTAINER");
        using var http = new Ipp.Graph.Tests.Accounts.GraphQLHttp(server);

        var response = await http.PostAsync(UserGroups, new { id = GroupServers.UserId(admin) }, reader.Token);

        Assert.Equal("AUTH_NOT_AUTHORIZED", response.ErrorCode);
        Assert.Equal("Not allowed: this needs the permission groups:read, which your roles do not give.", response.ErrorMessage);
        Assert.Equal(admin.Email, response.Body.GetProperty("data").GetProperty("node").GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, response.Body.GetProperty("data").GetProperty("node").GetProperty("groups").ValueKind);
    }

    [Fact]
    public async Task A_caller_without_groups_manage_changes_nothing()
    {
        var admin = await servers.SignUpAsync("ADMIN");
        var user = await servers.SignUpAsync("DATA_ENGINEER");
        var id = await servers.CreateGroupAsync(admin, Unique("Guarded"));
        var before = await servers.Server.Database.RowsAsync();

        foreach (var (query, variables) in new (string, object)[]
        {
            (GroupOperations.Create, new { name = Unique("Mine") }),
            (GroupOperations.Rename, new { id, name = Unique("Mine") }),
            (GroupOperations.Delete, new { id }),
            (GroupOperations.Add, new { id, userIds = new[] { GroupServers.UserId(user) } }),
            (GroupOperations.Remove, new { id, userIds = new[] { GroupServers.UserId(user) } }),
        })
        {
            var response = await servers.PostAsync(query, variables, user);
            Assert.Equal("AUTH_NOT_AUTHORIZED", response.ErrorCode);
            Assert.Equal("Not allowed: this needs the permission groups:manage, which your roles do not give.", response.ErrorMessage);
        }

        Assert.Equal("AUTH_NOT_AUTHORIZED", (await servers.PostAsync("{ groups { id } }", user: user)).ErrorCode);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (await servers.PostAsync(GroupOperations.Create, new { name = Unique("Anon") })).ErrorCode);
        Assert.Equal(before, await servers.Server.Database.RowsAsync());
    }

    public static TheoryData<string, string> BadNames => new()
    {
        { "", "A group's name cannot be empty." },
        { "   ", "A group's name cannot be empty." },
        { new string('g', 10_000), "A group's name has at most 100 characters; this one has 10000." },
        { new string('g', 101), "A group's name has at most 100 characters; this one has 101." },
        { "Line\nbreak", "A group's name cannot hold control characters (line breaks, tabs and the like)." },
        { "Nul\0", "A group's name cannot hold control characters (line breaks, tabs and the like)." },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task A_bad_name_is_refused_on_create_and_rename_and_nothing_changes(string name, string message)
    {
        var admin = await servers.SignUpAsync("ADMIN");
        var id = await servers.CreateGroupAsync(admin, Unique("Named"));
        var before = await servers.Server.Database.RowsAsync();

        var created = (await servers.PostAsync(GroupOperations.Create, new { name }, admin)).PayloadError("createGroup");
        var renamed = (await servers.PostAsync(GroupOperations.Rename, new { id, name }, admin)).PayloadError("renameGroup");

        foreach (var error in new[] { created, renamed })
        {
            Assert.Equal($$"""{"__typename":"InvalidGroupNameError","code":"INVALID_GROUP_NAME","message":"{{message}}","maxLength":100}""", error.GetRawText());
        }

        Assert.Equal(before, await servers.Server.Database.RowsAsync());
    }

    [Fact]
    public async Task A_name_taken_without_regard_to_case_and_spaces_is_refused_and_nothing_changes()
    {
        var admin = await servers.SignUpAsync("ADMIN");
        var name = Unique("Taken");
        await servers.CreateGroupAsync(admin, name);
        var other = await servers.CreateGroupAsync(admin, Unique("Other"));
        var before = await servers.Server.Database.RowsAsync();

        var created = (await servers.PostAsync(GroupOperations.Create, new { name = " " + name.ToUpperInvariant() }, admin)).PayloadError("createGroup");
        var renamed = (await servers.PostAsync(GroupOperations.Rename, new { id = other, name = name.ToLowerInvariant() }, admin)).PayloadError("renameGroup");

        Assert.Equal($$"""{"__typename":"GroupNameTakenError","code":"GROUP_NAME_TAKEN","message":"Another group is named '{{name.ToUpperInvariant()}}'."}""", created.GetRawText());
        Assert.Equal("GROUP_NAME_TAKEN", renamed.GetProperty("code").GetString());
        Assert.Equal(before, await servers.Server.Database.RowsAsync());
    }

    public static TheoryData<string> UnknownGroupIds => new()
    {
        Ipp.Graph.GraphQL.GlobalId.Encode("Group", long.MaxValue),
        Ipp.Graph.GraphQL.GlobalId.Encode("User", 1),
        "not an id",
    };

    [Theory]
    [MemberData(nameof(UnknownGroupIds))]
    public async Task An_unknown_group_is_refused_by_every_mutation_and_nothing_changes(string id)
    {
        var admin = await servers.SignUpAsync("ADMIN");
        var userIds = new[] { GroupServers.UserId(admin) };
        var before = await servers.Server.Database.RowsAsync();

        var errors = new[]
        {
            (await servers.PostAsync(GroupOperations.Rename, new { id, name = Unique("New") }, admin)).PayloadError("renameGroup"),
            (await servers.PostAsync(GroupOperations.Delete, new { id }, admin)).PayloadError("deleteGroup"),
            (await servers.PostAsync(GroupOperations.Add, new { id, userIds }, admin)).PayloadError("addGroupMembers"),
            (await servers.PostAsync(GroupOperations.Remove, new { id, userIds }, admin)).PayloadError("removeGroupMembers"),
        };

        Assert.All(errors, error => Assert.Equal(
            $$"""{"__typename":"GroupNotFoundError","code":"GROUP_NOT_FOUND","message":"No group has the id '{{id}}'.","id":"{{id}}"}""", error.GetRawText()));
        Assert.Equal(before, await servers.Server.Database.RowsAsync());
    }

    [Fact]
    public async Task Bad_members_are_refused_whole_and_nothing_changes()
    {
        var admin = await servers.SignUpAsync("ADMIN");
        var ann = await servers.SignUpAsync();
        var bob = await servers.SignUpAsync();
        var id = await servers.CreateGroupAsync(admin, Unique("Members"));
        await servers.AddAsync(admin, id, ann);
        var nobody = Ipp.Graph.GraphQL.GlobalId.Encode("User", long.MaxValue);
        var before = await servers.Server.Database.RowsAsync();

        // Bob is fine, but the others are not: he is not added either.
        var unknown = (await servers.PostAsync(GroupOperations.Add, new { id, userIds = new[] { GroupServers.UserId(bob), nobody, "junk" } }, admin)).PayloadError("addGroupMembers");
        var twice = (await servers.PostAsync(GroupOperations.Add, new { id, userIds = new[] { GroupServers.UserId(bob), GroupServers.UserId(ann) } }, admin)).PayloadError("addGroupMembers");
        var notMember = (await servers.PostAsync(GroupOperations.Remove, new { id, userIds = new[] { GroupServers.UserId(ann), GroupServers.UserId(bob) } }, admin)).PayloadError("removeGroupMembers");
        var none = (await servers.PostAsync(GroupOperations.Add, new { id, userIds = Array.Empty<string>() }, admin)).PayloadError("addGroupMembers");
        var tooMany = (await servers.PostAsync(GroupOperations.Remove, new { id, userIds = new[] { nobody, nobody, nobody, nobody } }, admin)).PayloadError("removeGroupMembers");

        Assert.Equal("GROUP_USER_NOT_FOUND", unknown.GetProperty("code").GetString());
        Assert.Equal("[\"junk\"]", unknown.GetProperty("userIds").GetRawText());
        var unknownUser = (await servers.PostAsync(GroupOperations.Add, new { id, userIds = new[] { GroupServers.UserId(bob), nobody } }, admin)).PayloadError("addGroupMembers");
        Assert.Equal($$"""{"__typename":"GroupUserNotFoundError","code":"GROUP_USER_NOT_FOUND","message":"No user has the id '{{nobody}}'.","userIds":["{{nobody}}"]}""", unknownUser.GetRawText());
        Assert.Equal("ALREADY_GROUP_MEMBER", twice.GetProperty("code").GetString());
        Assert.Equal($"[\"{GroupServers.UserId(ann)}\"]", twice.GetProperty("userIds").GetRawText());
        Assert.Equal("NOT_GROUP_MEMBER", notMember.GetProperty("code").GetString());
        Assert.Equal($"[\"{GroupServers.UserId(bob)}\"]", notMember.GetProperty("userIds").GetRawText());
        Assert.Equal("""{"__typename":"InvalidGroupUsersError","code":"INVALID_GROUP_USERS","message":"Name at least one user.","maxUsers":3}""", none.GetRawText());
        Assert.Equal("At most 3 users can be named at once; 4 were.", tooMany.GetProperty("message").GetString());
        Assert.Equal(before, await servers.Server.Database.RowsAsync());
        Assert.Empty(servers.Server.Logs.Errors);
    }

    private static string Emails(params WriteUser[] users) =>
        JsonSerializer.Serialize(users.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).Select(u => new { email = u.Email }));

    private static Task<Ipp.Graph.Tests.Support.RunningServer> AccountsServerWith(params string[] settings) =>
        Ipp.Graph.Tests.Accounts.AccountsServer.StartAsync(settings);
}
