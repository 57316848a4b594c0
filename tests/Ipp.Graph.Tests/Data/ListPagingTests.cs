using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Administration;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Data;

/// <summary>
/// The generic list piece (<c>Data/Lists</c>) through lists the experiment tests do not reach: <c>auditLog</c> paged
/// backwards over ties, <c>users</c> keeping its place when rows are added before a cursor (keyset, not offset), and a
/// cursor of one list refused by another whose order has the same keys.
/// </summary>
public sealed class ListPagingTests : IAsyncLifetime
{
    private const string AuditLog =
        "query($order: [AuditEntrySortInput!], $first: Int, $after: String, $last: Int, $before: String) { "
        + "auditLog(order: $order, first: $first, after: $after, last: $last, before: $before) { "
        + "totalCount nodes { id action } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    private const string Users =
        "query($first: Int, $after: String) { users(first: $first, after: $after) { "
        + "nodes { email } pageInfo { endCursor } } }";

    private RunningServer _server = null!;
    private string _admin = null!;

    /// <summary>ada (ADMIN), then five groups created by her: five audit entries with the same action.</summary>
    public async Task InitializeAsync()
    {
        _server = await Admins.StartAsync();
        _admin = (await Admins.SignUpAsync(_server, "ada@example.org", "ADMIN")).Token;
        using var http = new GraphQLHttp(_server);
        foreach (var name in new[] { "A", "B", "C", "D", "E" })
        {
            var created = await http.PostAsync("mutation($name: String!) { createGroup(input: {name: $name}) { errors { __typename } } }", new { name }, _admin);
            Assert.Equal(JsonValueKind.Null, created.Data("createGroup").GetProperty("errors").ValueKind);
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>
    /// Ordered by <c>action</c>, most entries tie; one row at a time backwards from the end (<c>last</c> with
    /// <c>before</c>) meets every entry once, in exactly the reverse of the forward walk, and the page flags agree.
    /// </summary>
    [Fact]
    public async Task Paging_backwards_over_ties_meets_every_row_once_in_reverse()
    {
        var order = new[] { new { action = "ASC" } };
        var all = await PageAsync(AuditLog, new { order, first = 100 }, "auditLog");
        var expected = Ids(all);
        Assert.True(expected.Length >= 5, $"{expected.Length} entries");
        Assert.True(all.GetProperty("nodes").EnumerateArray().Count(node => node.GetProperty("action").GetString() == "group.create") >= 5);

        var forward = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await PageAsync(AuditLog, new { order, first = 2, after }, "auditLog");
            forward.AddRange(Ids(page));
            var info = page.GetProperty("pageInfo");
            Assert.Equal(after is not null, info.GetProperty("hasPreviousPage").GetBoolean());
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = info.GetProperty("endCursor").GetString();
        }

        var backward = new List<string>();
        string? before = null;
        while (true)
        {
            var page = await PageAsync(AuditLog, new { order, last = 1, before }, "auditLog");
            backward.InsertRange(0, Ids(page));
            var info = page.GetProperty("pageInfo");
            Assert.Equal(before is not null, info.GetProperty("hasNextPage").GetBoolean());
            if (!info.GetProperty("hasPreviousPage").GetBoolean())
            {
                break;
            }

            before = info.GetProperty("startCursor").GetString();
        }

        Assert.Equal(expected, forward);
        Assert.Equal(expected, backward);
        Assert.Equal(expected.Length, all.GetProperty("totalCount").GetInt32());
        Assert.Empty(_server.Logs.Errors);
    }

    /// <summary>An offset cursor would move by one when a user is added before it; a keyset cursor stays on its row.</summary>
    [Fact]
    public async Task A_users_cursor_keeps_its_place_when_users_are_added_before_it()
    {
        await Admins.SignUpAsync(_server, "bob@example.org");
        var first = await PageAsync(Users, new { first = 1 }, "users");
        Assert.Equal("bob@example.org", Emails(first));

        await Admins.SignUpAsync(_server, "cy@example.org");
        var next = await PageAsync(Users, new { first = 5, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() }, "users");

        Assert.Equal("ada@example.org", Emails(next));
    }

    /// <summary>
    /// <c>users</c> and <c>experiments</c> both sort newest first by <c>createdAt</c> then id: a cursor of one is
    /// still not one of the other (HC0078), and a cursor of <c>users</c> in another order is refused by <c>users</c>.
    /// </summary>
    [Fact]
    public async Task A_cursor_of_another_list_or_order_is_refused()
    {
        var cursor = (await PageAsync(Users, new { first = 1 }, "users")).GetProperty("pageInfo").GetProperty("endCursor").GetString();
        using var http = new GraphQLHttp(_server);

        var experiments = await http.PostAsync("query($after: String) { experiments(first: 1, after: $after) { totalCount } }", new { after = cursor }, _admin);
        var byEmail = await http.PostAsync(
            "query($after: String) { users(first: 1, after: $after, order: [{email: ASC}]) { totalCount } }", new { after = cursor }, _admin);

        Assert.Equal("HC0078", experiments.ErrorCode);
        Assert.Equal("The cursor specified in `after` has an invalid format.", experiments.ErrorMessage);
        Assert.Equal("HC0078", byEmail.ErrorCode);
        Assert.Empty(_server.Logs.Errors);
    }

    private async Task<JsonElement> PageAsync(string query, object variables, string field)
    {
        using var http = new GraphQLHttp(_server);
        return (await http.PostAsync(query, variables, _admin)).Data(field);
    }

    private static string[] Ids(JsonElement page) =>
        [.. page.GetProperty("nodes").EnumerateArray().Select(node => node.GetProperty("id").GetString()!)];

    private static string Emails(JsonElement page) =>
        string.Join(',', page.GetProperty("nodes").EnumerateArray().Select(node => node.GetProperty("email").GetString()));
}
