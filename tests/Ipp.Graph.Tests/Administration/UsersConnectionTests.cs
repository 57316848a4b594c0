using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Administration;

/// <summary>
/// <c>users</c> over the real server: its filters (email without regard to case, roles, groups, approval, disabled, and/or),
/// its orders, its pages both ways, and the codes of bad paging and filtering arguments.
/// </summary>
public sealed class UsersConnectionTests : IAsyncLifetime
{
    private const string Query =
        "query($where: UserFilterInput, $order: [UserSortInput!], $first: Int, $after: String, $last: Int, $before: String) { "
        + "users(where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) { "
        + "totalCount nodes { email } edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    private RunningServer _server = null!;
    private string _admin = null!;
    private Member[] _users = null!;

    /// <summary>ada (ADMIN), bob (pending), cy (DATA_ENGINEER, disabled), dee (denied), created in that order.</summary>
    public async Task InitializeAsync()
    {
        _server = await Admins.StartAsync();
        var ada = await Admins.SignUpAsync(_server, "ada@Example.org", "ADMIN");
        var bob = await Admins.SignUpAsync(_server, "bob@example.org");
        var cy = await Admins.SignUpAsync(_server, "cy@other.org", "DATA_ENGINEER");
        var dee = await Admins.SignUpAsync(_server, "dee@example.org");
        _admin = ada.Token;
        _users = [ada, bob, cy, dee];
        await Admins.MutateAsync(_server, _admin, "disableUser", cy.GlobalId);
        await Admins.MutateAsync(_server, _admin, "denyUser", dee.GlobalId);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> Filters => new()
    {
        { "null", "dee,cy,bob,ada" },
        { """{"email": {"contains": "EXAMPLE.ORG"}}""", "dee,bob,ada" },
        { """{"email": {"eq": "Ada@example.org"}}""", "ada" },
        { """{"roles": {"some": {"eq": "ADMIN"}}}""", "ada" },
        { """{"roles": {"none": {"in": ["ADMIN", "DATA_ENGINEER"]}}}""", "dee,bob" },
        { """{"roles": {"any": false}}""", "dee,bob" },
        { """{"approval": {"eq": "PENDING"}}""", "bob" },
        { """{"approval": {"in": ["DENIED", "PENDING"]}}""", "dee,bob" },
        { """{"approval": {"neq": "APPROVED"}, "email": {"startsWith": "d"}}""", "dee" },
        { """{"disabled": {"eq": true}}""", "cy" },
        { """{"or": [{"approval": {"eq": "DENIED"}}, {"disabled": {"eq": true}}]}""", "dee,cy" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_filters_keep_the_users_that_match(string where, string emails)
    {
        var users = await UsersAsync(new { where = JsonDocument.Parse(where).RootElement });

        Assert.Equal(emails, Emails(users));
        Assert.Equal(emails.Split(',').Length, users.GetProperty("totalCount").GetInt32());
    }

    /// <summary>
    /// <c>groups</c>: Lab holds ada and bob, Other cy, dee none. An id that names no group (unknown, a user's, not an
    /// id at all) matches no membership.
    /// </summary>
    [Fact]
    public async Task The_groups_filter_keeps_the_members_of_a_group()
    {
        var lab = await CreateGroupAsync("Lab", _users[0], _users[1]);
        var other = await CreateGroupAsync("Other", _users[2]);
        (string Where, string Emails)[] filters =
        [
            ("""{"groups": {"some": {"id": {"eq": "LAB"}}}}""", "bob,ada"),
            ("""{"groups": {"some": {"id": {"in": ["LAB", "OTHER"]}}}}""", "cy,bob,ada"),
            ("""{"groups": {"none": {"id": {"eq": "LAB"}}}}""", "dee,cy"),
            ("""{"groups": {"some": {"id": {"neq": "LAB"}}}}""", "cy"),
            ("""{"groups": {"any": false}}""", "dee"),
            ("""{"groups": {"any": true}, "roles": {"any": true}}""", "cy,ada"),
            ("""{"or": [{"groups": {"some": {"id": {"eq": "OTHER"}}}}, {"approval": {"eq": "DENIED"}}]}""", "dee,cy"),
            ("""{"groups": {"some": {"id": {"eq": "R3JvdXA6OTk5OTk5"}}}}""", ""),
            ("""{"groups": {"some": {"id": {"eq": "USER"}}}}""", ""),
            ("""{"groups": {"some": {"id": {"in": ["not an id", "LAB"]}}}}""", "bob,ada"),
            ("""{"groups": {"none": {"id": {"eq": "not an id"}}}}""", "dee,cy,bob,ada"),
        ];

        foreach (var (where, emails) in filters)
        {
            var users = await UsersAsync(new { where = JsonDocument.Parse(where.Replace("LAB", lab).Replace("OTHER", other).Replace("USER", _users[0].GlobalId)).RootElement });
            Assert.True(emails == Emails(users), $"{where}: {Emails(users)}");
            Assert.Equal(emails.Length == 0 ? 0 : emails.Split(',').Length, users.GetProperty("totalCount").GetInt32());
        }

        Assert.Empty(_server.Logs.Errors);
    }

    [Fact]
    public async Task The_order_sorts_and_the_pages_go_both_ways()
    {
        var byEmail = await UsersAsync(new { order = new[] { new { email = "ASC" } } });
        var first = await UsersAsync(new { first = 2 });
        var next = await UsersAsync(new { first = 2, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        var last = await UsersAsync(new { last = 3 });
        var before = await UsersAsync(new { last = 1, before = next.GetProperty("pageInfo").GetProperty("startCursor").GetString() });

        Assert.Equal("ada,bob,cy,dee", Emails(byEmail));
        Assert.Equal("dee,cy", Emails(first));
        var firstInfo = first.GetProperty("pageInfo");
        Assert.True(firstInfo.GetProperty("hasNextPage").GetBoolean());
        Assert.False(firstInfo.GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(first.GetProperty("edges")[0].GetProperty("cursor").GetString(), firstInfo.GetProperty("startCursor").GetString());
        Assert.Equal(first.GetProperty("edges")[1].GetProperty("cursor").GetString(), firstInfo.GetProperty("endCursor").GetString());
        Assert.Equal("bob,ada", Emails(next));
        Assert.False(next.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(next.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal("cy,bob,ada", Emails(last));
        Assert.Equal("cy", Emails(before));
    }

    [Theory]
    [InlineData("""{"first": 101}""", "HC0051")]
    [InlineData("""{"last": -1}""", "HC0079")]
    [InlineData("""{"after": "bm90IGEgY3Vyc29y"}""", "HC0078")]
    [InlineData("""{"before": "LTE="}""", "HC0078")]
    [InlineData("""{"order": [{"email": "ASC", "createdAt": "DESC"}]}""", "BAD_USER_INPUT")]
    [InlineData("""{"where": {"approval": {"eq": null}}}""", "HC0026")]
    public async Task Bad_arguments_get_their_code(string variables, string code)
    {
        using var http = new GraphQLHttp(_server);

        var response = await http.PostAsync(Query, JsonDocument.Parse(variables).RootElement, _admin);

        Assert.Equal(code, response.ErrorCode);
        Assert.Empty(_server.Logs.Errors);
    }

    /// <summary>Creates a group holding <paramref name="members"/>, as the administrator; its global id.</summary>
    private async Task<string> CreateGroupAsync(string name, params Member[] members)
    {
        using var http = new GraphQLHttp(_server);
        var id = (await http.PostAsync("mutation($name: String!) { createGroup(input: {name: $name}) { group { id } } }", new { name }, _admin))
            .Data("createGroup").GetProperty("group").GetProperty("id").GetString()!;
        var added = await http.PostAsync(
            "mutation($id: ID!, $userIds: [ID!]!) { addGroupMembers(input: {id: $id, userIds: $userIds}) { errors { __typename } } }",
            new { id, userIds = members.Select(member => member.GlobalId).ToArray() },
            _admin);
        Assert.Equal(JsonValueKind.Null, added.Data("addGroupMembers").GetProperty("errors").ValueKind);
        return id;
    }

    private async Task<JsonElement> UsersAsync(object variables)
    {
        using var http = new GraphQLHttp(_server);
        return (await http.PostAsync(Query, variables, _admin)).Data("users");
    }

    private static string Emails(JsonElement users) =>
        string.Join(',', users.GetProperty("nodes").EnumerateArray().Select(user => user.GetProperty("email").GetString()!.Split('@')[0].ToLowerInvariant()));
}
