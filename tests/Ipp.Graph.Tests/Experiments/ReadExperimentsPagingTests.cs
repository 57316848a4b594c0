using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using static Ipp.Graph.Tests.Experiments.ReadJson;

namespace Ipp.Graph.Tests.Experiments;

/// <summary><c>experiments</c>: order, keyset cursors forwards and backwards, pageInfo, totalCount, argument errors.</summary>
public sealed class ReadExperimentsPagingTests(ReadServer fixture) : IClassFixture<ReadServer>
{
    private const string Page =
        """
        query($first: Int, $after: String, $last: Int, $before: String, $order: [ExperimentSortInput!]) {
          experiments(first: $first, after: $after, last: $last, before: $before, order: $order) {
            edges { cursor node { name } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    private static readonly DateTime T0 = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>e0..e6, created an hour apart (e3 and e4 at the same instant, so only the id separates them).</summary>
    private async Task<ReadUser> SeedAsync()
    {
        var user = await fixture.NewUserAsync();
        for (var i = 0; i < 7; i++)
        {
            await fixture.AddExperimentAsync(user, "e" + i, createdAt: T0.AddHours(i == 4 ? 3 : i));
        }

        return user;
    }

    private async Task<JsonElement> PageAsync(ReadUser user, object variables) =>
        (await fixture.Http.PostAsync(Page, variables, user.Token)).Data("experiments");

    [Fact]
    public async Task Without_arguments_the_newest_come_first_ten_at_a_time()
    {
        var user = await fixture.NewUserAsync();
        for (var i = 0; i < 12; i++)
        {
            await fixture.AddExperimentAsync(user, "x" + i, createdAt: T0.AddMinutes(i));
        }

        var page = await PageAsync(user, new { });
        Assert.Equal(["x11", "x10", "x9", "x8", "x7", "x6", "x5", "x4", "x3", "x2"], Names(page, "edges"));
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.False(page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Pages_forwards_then_backwards_cover_every_row_once()
    {
        var user = await SeedAsync();
        var first = await PageAsync(user, new { first = 3 });
        Assert.Equal(["e6", "e5", "e4"], Names(first, "edges"));
        AssertPageInfo(first, hasNext: true, hasPrevious: false);

        var second = await PageAsync(user, new { first = 3, after = EndCursor(first) });
        Assert.Equal(["e3", "e2", "e1"], Names(second, "edges"));
        AssertPageInfo(second, hasNext: true, hasPrevious: true);

        var third = await PageAsync(user, new { first = 3, after = EndCursor(second) });
        Assert.Equal(["e0"], Names(third, "edges"));
        AssertPageInfo(third, hasNext: false, hasPrevious: true);

        var back = await PageAsync(user, new { last = 2, before = StartCursor(third) });
        Assert.Equal(["e2", "e1"], Names(back, "edges"));
        AssertPageInfo(back, hasNext: true, hasPrevious: true);

        var backAgain = await PageAsync(user, new { last = 4, before = StartCursor(back) });
        Assert.Equal(["e6", "e5", "e4", "e3"], Names(backAgain, "edges"));
        AssertPageInfo(backAgain, hasNext: true, hasPrevious: false);

        var lastOnly = await PageAsync(user, new { last = 2 });
        Assert.Equal(["e1", "e0"], Names(lastOnly, "edges"));
        AssertPageInfo(lastOnly, hasNext: false, hasPrevious: true);

        // Between two cursors, and first with last (Relay: first applies, then last).
        var between = await PageAsync(user, new { after = EndCursor(first), before = StartCursor(third) });
        Assert.Equal(["e3", "e2", "e1"], Names(between, "edges"));
        var both = await PageAsync(user, new { first = 4, last = 2 });
        Assert.Equal(["e4", "e3"], Names(both, "edges"));
        AssertPageInfo(both, hasNext: true, hasPrevious: true);

        var none = await PageAsync(user, new { first = 0 });
        Assert.Empty(Names(none, "edges"));
        AssertPageInfo(none, hasNext: true, hasPrevious: false);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
    }

    [Fact]
    public async Task A_cursor_still_works_when_rows_are_added_before_it()
    {
        var user = await SeedAsync();
        var first = await PageAsync(user, new { first = 2 });
        await fixture.AddExperimentAsync(user, "newer", createdAt: T0.AddDays(1));
        var next = await PageAsync(user, new { first = 2, after = EndCursor(first) });
        Assert.Equal(["e4", "e3"], Names(next, "edges"));
    }

    [Fact]
    public async Task Order_by_several_keys_and_status_in_lifecycle_order()
    {
        var user = await fixture.NewUserAsync();
        await fixture.AddExperimentAsync(user, "b", ExperimentStatus.Failed, T0);
        await fixture.AddExperimentAsync(user, "a", ExperimentStatus.Completed, T0.AddHours(1));
        await fixture.AddExperimentAsync(user, "c", ExperimentStatus.Editing, T0.AddHours(2));
        await fixture.AddExperimentAsync(user, "a", ExperimentStatus.Running, T0.AddHours(3));
        await fixture.AddExperimentAsync(user, "d", ExperimentStatus.Submitted, T0.AddHours(4));

        var byStatus = await PageAsync(user, new { order = new object[] { new { status = "ASC" } } });
        Assert.Equal(["c", "d", "a", "a", "b"], Names(byStatus, "edges"));

        var byNameThenCreated = await fixture.Http.PostAsync(
            "{ experiments(order: [{name: ASC}, {createdAt: DESC}]) { nodes { name status } } }", token: user.Token);
        var nodes = byNameThenCreated.Data("experiments").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("name").GetString() + ":" + n.GetProperty("status").GetString()).ToArray();
        Assert.Equal(["a:RUNNING", "a:COMPLETED", "b:FAILED", "c:EDITING", "d:SUBMITTED"], nodes);

        // Paging through a multi-key order with ties on the first key.
        var first = await PageAsync(user, new { first = 1, order = new object[] { new { name = "ASC" }, new { status = "DESC" } } });
        var second = await PageAsync(user, new { first = 2, after = EndCursor(first), order = new object[] { new { name = "ASC" }, new { status = "DESC" } } });
        Assert.Equal(["a"], Names(first, "edges"));
        Assert.Equal(["a", "b"], Names(second, "edges"));

        var byStatusDescending = new object[] { new { status = "DESC" } };
        var top = await PageAsync(user, new { first = 2, order = byStatusDescending });
        JsonElement rest = default;
        var sql = await fixture.CaptureSqlAsync(async () => rest = await PageAsync(user, new { first = 2, after = EndCursor(top), order = byStatusDescending }));
        Assert.Equal(["b", "a"], Names(top, "edges"));
        Assert.Equal(["a", "d"], Names(rest, "edges"));
        var query = Assert.Single(sql, command => command.Contains("-- experiments: page", StringComparison.Ordinal));
        Assert.Contains("CASE", query);
        Assert.Contains("WHEN e.status = 'editing' THEN 1", query);
        Assert.Contains("END DESC, e.id DESC", query);
    }

    [Fact]
    public async Task TotalCount_counts_the_filtered_rows_and_is_queried_only_when_asked()
    {
        var user = await SeedAsync();
        await fixture.AddExperimentAsync(user, "staging", ExperimentStatus.Staging, T0);
        var other = await fixture.NewUserAsync();
        await fixture.AddExperimentAsync(other, "theirs", createdAt: T0);

        JsonElement result = default;
        var counted = await fixture.CaptureSqlAsync(async () => result = (await fixture.Http.PostAsync(
            "{ experiments(first: 2, where: {name: {neq: \"e0\"}}) { totalCount nodes { name } } }", token: user.Token)).Data("experiments"));
        Assert.Equal(6, result.GetProperty("totalCount").GetInt32());
        Assert.Equal(["e6", "e5"], Names(result));
        Assert.Single(counted, command => command.Contains("-- experiments: totalCount", StringComparison.Ordinal) && command.Contains("SELECT COUNT(*)", StringComparison.OrdinalIgnoreCase));

        var countOnly = await fixture.CaptureSqlAsync(async () => result = (await fixture.Http.PostAsync(
            "{ experiments { total: totalCount } }", token: user.Token)).Data("experiments"));
        Assert.Equal(7, result.GetProperty("total").GetInt32());
        Assert.Single(countOnly, command => command.Contains("-- experiments:", StringComparison.Ordinal));
        Assert.Contains(countOnly, command => command.Contains("-- experiments: totalCount", StringComparison.Ordinal));

        var notCounted = await fixture.CaptureSqlAsync(() => PageAsync(user, new { first = 2 }));
        Assert.DoesNotContain(notCounted, command => command.Contains("-- experiments: totalCount", StringComparison.Ordinal));
        Assert.Contains(notCounted, command => command.Contains("-- experiments: page", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("first: -1", "HC0079", "The requested number of values per page must be at least 0.")]
    [InlineData("last: -5", "HC0079", "The requested number of values per page must be at least 0.")]
    [InlineData("first: 21", "HC0051", "The maximum allowed items per page were exceeded.")]
    [InlineData("last: 1000", "HC0051", "The maximum allowed items per page were exceeded.")]
    [InlineData("after: \"nonsense\"", "HC0078", "The cursor specified in `after` has an invalid format.")]
    [InlineData("before: \"WzFd\"", "HC0078", "The cursor specified in `before` has an invalid format.")]
    [InlineData("order: [{name: ASC, status: DESC}]", "BAD_USER_INPUT", "Each entry of `order` sorts by one field; give the others as further entries, in the order they apply.")]
    public async Task Wrong_arguments_are_errors_with_codes(string arguments, string code, string message)
    {
        var user = await fixture.NewUserAsync();
        var response = await fixture.Http.PostAsync($"{{ experiments({arguments}) {{ nodes {{ name }} }} }}", token: user.Token);
        Assert.Equal(code, response.ErrorCode);
        Assert.Equal(message, response.ErrorMessage);
        Assert.Equal(JsonValueKind.Null, response.Body.GetProperty("data").GetProperty("experiments").ValueKind);
        Assert.Empty(fixture.Server.Logs.Errors);
    }

    [Fact]
    public async Task A_cursor_of_another_order_is_refused()
    {
        var user = await SeedAsync();
        var byName = await PageAsync(user, new { first = 1, order = new object[] { new { name = "ASC" } } });
        var response = await fixture.Http.PostAsync(Page, new { first = 1, after = EndCursor(byName) }, user.Token);
        Assert.Equal("HC0078", response.ErrorCode);
        Assert.Equal("after", response.Error.GetProperty("extensions").GetProperty("argument").GetString());
    }

    [Fact]
    public async Task Anonymous_callers_are_told_to_sign_in()
    {
        var response = await fixture.Http.PostAsync("{ experiments { totalCount } }");
        Assert.Equal("AUTH_NOT_AUTHENTICATED", response.ErrorCode);
    }

    private static string EndCursor(JsonElement page) => page.GetProperty("pageInfo").GetProperty("endCursor").GetString()!;

    private static string StartCursor(JsonElement page) => page.GetProperty("pageInfo").GetProperty("startCursor").GetString()!;

    private static void AssertPageInfo(JsonElement page, bool hasNext, bool hasPrevious)
    {
        var info = page.GetProperty("pageInfo");
        Assert.Equal(hasNext, info.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(hasPrevious, info.GetProperty("hasPreviousPage").GetBoolean());
        var edges = page.GetProperty("edges");
        if (edges.GetArrayLength() > 0)
        {
            Assert.Equal(edges[0].GetProperty("cursor").GetString(), info.GetProperty("startCursor").GetString());
            Assert.Equal(edges[edges.GetArrayLength() - 1].GetProperty("cursor").GetString(), info.GetProperty("endCursor").GetString());
        }
    }
}
