using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Authorization;

/// <summary>
/// Each role over the real server with the built-in table (docs/authorization.md): what <c>me</c> says the holder may
/// do and open, what they may read of the roles and of other users, and that a user holding several roles holds what
/// each gives.
/// </summary>
public sealed class RoleAccessTests(AccessServers servers) : IClassFixture<AccessServers>
{
    private const string Everyone = "experiments:read,experiments:write,credentials:manage";

    /// <summary>The documented table: each role's permissions (besides everyone's) and pages, in their orders.</summary>
    public static TheoryData<string, string, string> Roles => new()
    {
        { "", Everyone, "/app/experiments" },
        { "ADMIN", Everyone + ",users:read,users:manage,roles:read,roles:manage,groups:read,groups:manage,tags:read,tags:manage,audit:read", "/app/experiments,/app/users,/app/tags" },
        { "DATA_ENGINEER", Everyone + ",tags:read,tags:write,files:read,files:write,files:download,images:read,tasks:read,tasks:write", "/app/experiments,/app/files,/app/tasks" },
        { "AI_RESEARCHER", Everyone + ",tags:read,tags:write,files:read,files:write,images:read,tasks:read,tasks:write", "/app/experiments,/app/files,/app/tasks" },
        { "MAINTAINER", Everyone + ",roles:read,images:read,images:manage", "/app/experiments,/app/images" },
    };

    public static TheoryData<string, string> RolesAndPermissions()
    {
        var rows = new TheoryData<string, string>();
        foreach (var row in Roles)
        {
            rows.Add((string)row[0], (string)row[1]);
        }

        return rows;
    }

    private const string Me =
        """{ me { roles permissions pages { href label } users: canViewPage(href: "/app/users") user: canViewPage(href: "/app/users/42") """
        + """tags: canViewPage(href: "/app/tags") images: canViewPage(href: "/app/images") files: canViewPage(href: "/app/files") """
        + """sneaky: canViewPage(href: "/app/experiments/../users") prefix: canViewPage(href: "/app/usersettings") unknown: canViewPage(href: "/admin") } }""";

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Me_says_what_each_role_may_do_and_which_pages_it_may_open(string role, string permissions, string pages)
    {
        var user = await AccessServers.SignUpAsync(servers.Default, role.Length == 0 ? [] : [role]);
        using var http = new GraphQLHttp(servers.Default);

        var me = (await http.PostAsync(Me, token: user.Token)).Data("me");

        var open = pages.Split(',');
        Assert.Equal(role.Length == 0 ? "[]" : $"[\"{role}\"]", me.GetProperty("roles").GetRawText());
        Assert.Equal(permissions.Split(','), me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(open, me.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("href").GetString()));
        Assert.All(me.GetProperty("pages").EnumerateArray(), page => Assert.False(string.IsNullOrEmpty(page.GetProperty("label").GetString())));
        Assert.Equal(open.Contains("/app/users"), me.GetProperty("users").GetBoolean());
        Assert.Equal(open.Contains("/app/users"), me.GetProperty("user").GetBoolean());
        Assert.Equal(open.Contains("/app/tags"), me.GetProperty("tags").GetBoolean());
        Assert.Equal(open.Contains("/app/images"), me.GetProperty("images").GetBoolean());
        Assert.Equal(open.Contains("/app/files"), me.GetProperty("files").GetBoolean());
        Assert.False(me.GetProperty("sneaky").GetBoolean());
        Assert.False(me.GetProperty("prefix").GetBoolean());
        Assert.False(me.GetProperty("unknown").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(RolesAndPermissions))]
    public async Task Roles_are_read_with_roles_read_and_other_users_with_users_read(string role, string permissions)
    {
        var server = servers.Default;
        var user = await AccessServers.SignUpAsync(server, role.Length == 0 ? [] : [role]);
        var other = await AccessServers.SignUpAsync(server, "MAINTAINER");
        using var http = new GraphQLHttp(server);
        var otherId = Ipp.Graph.GraphQL.GlobalId.Encode("User", other.Id);
        var held = permissions.Split(',');

        var roles = await http.PostAsync("{ roles { role permissions } }", token: user.Token);
        var node = await http.PostAsync("query($id: ID!) { node(id: $id) { ... on User { email roles } } }", new { id = otherId }, user.Token);

        if (held.Contains("roles:read"))
        {
            Assert.Equal(
                """[{"role":"ADMIN","permissions":["users:read","users:manage","roles:read","roles:manage","groups:read","groups:manage","tags:read","tags:manage","audit:read"]},"""
                + """{"role":"DATA_ENGINEER","permissions":["tags:read","tags:write","files:read","files:write","files:download","images:read","tasks:read","tasks:write"]},"""
                + """{"role":"AI_RESEARCHER","permissions":["tags:read","tags:write","files:read","files:write","images:read","tasks:read","tasks:write"]},"""
                + """{"role":"MAINTAINER","permissions":["roles:read","images:read","images:manage"]}]""",
                roles.Data("roles").GetRawText());
        }
        else
        {
            Assert.Equal("AUTH_NOT_AUTHORIZED", roles.ErrorCode);
            Assert.Equal("Not allowed: this needs the permission roles:read, which your roles do not give.", roles.ErrorMessage);
        }

        Assert.Equal(
            held.Contains("users:read") ? $$"""{"email":"{{other.Email}}","roles":["MAINTAINER"]}""" : "null",
            node.Data("node").GetRawText());
    }

    [Fact]
    public async Task A_user_holding_several_roles_holds_what_each_gives_and_sees_themself_without_users_read()
    {
        var user = await AccessServers.SignUpAsync(servers.Default, "MAINTAINER", "AI_RESEARCHER");
        using var http = new GraphQLHttp(servers.Default);
        var self = Ipp.Graph.GraphQL.GlobalId.Encode("User", user.Id);

        var me = (await http.PostAsync("{ me { roles permissions pages { href } } }", token: user.Token)).Data("me");
        var node = await http.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = self }, user.Token);

        Assert.Equal("""["AI_RESEARCHER","MAINTAINER"]""", me.GetProperty("roles").GetRawText());
        Assert.Equal(
            """["experiments:read","experiments:write","credentials:manage","roles:read","tags:read","tags:write","files:read","files:write","images:read","images:manage","tasks:read","tasks:write"]""",
            me.GetProperty("permissions").GetRawText());
        Assert.Equal("""[{"href":"/app/experiments"},{"href":"/app/files"},{"href":"/app/tasks"},{"href":"/app/images"}]""", me.GetProperty("pages").GetRawText());
        Assert.Equal($$"""{"id":"{{self}}"}""", node.Data("node").GetRawText());
    }

    [Fact]
    public async Task An_anonymous_caller_has_no_me_and_sees_no_user()
    {
        var other = await AccessServers.SignUpAsync(servers.Default, "ADMIN");
        using var http = new GraphQLHttp(servers.Default);

        var response = await http.PostAsync(
            "query($id: ID!) { me { permissions } node(id: $id) { id } }", new { id = Ipp.Graph.GraphQL.GlobalId.Encode("User", other.Id) });

        Assert.Equal("""{"me":null,"node":null}""", response.Body.GetProperty("data").GetRawText());
        Assert.False(response.Body.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task The_new_user_of_createUser_says_what_they_may_do()
    {
        using var http = new GraphQLHttp(servers.Default);

        var created = await http.PostAsync(
            """mutation { createUser(input: {email: "fresh-permissions@example.org", password: "correct horse battery"}) { user { roles permissions pages { href } } } }""");

        Assert.Equal(
            """{"roles":[],"permissions":["experiments:read","experiments:write","credentials:manage"],"pages":[{"href":"/app/experiments"}]}""",
            created.Data("createUser").GetProperty("user").GetRawText());
    }
}
