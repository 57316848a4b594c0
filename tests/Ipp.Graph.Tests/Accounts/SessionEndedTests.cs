using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>
/// <c>sessionEnded</c> through the request runner, as the WebSocket and SSE transports run it (their own tests
/// carry it over the wire): one event for the subscriber's own session, with the reason, then the end of the stream.
/// </summary>
public sealed class SessionEndedTests
{
    private const string Subscription = "subscription { sessionEnded { reason endedAt } }";

    private static string Event(string reason, DateTimeOffset endedAt) =>
        "{\"data\":{\"sessionEnded\":{\"reason\":\"" + reason + "\",\"endedAt\":\"" + Instants.Rfc3339(endedAt) + "\"}}}";

    [Fact]
    public async Task ASignInElsewhereEndsTheSessionAsReplaced()
    {
        var clock = new SettableClock();
        await using var server = await AccountsServer.StartAsync(clock);
        using var http = new GraphQLHttp(server);
        var graphql = new InProcessGraphQL(server);
        var token = await http.CreateUserAsync("ada@example.org");
        var subscription = await graphql.SubscribeAsync(Subscription, await graphql.CallerAsync(token));
        await using var events = subscription.Stream!.GetAsyncEnumerator();
        var next = events.MoveNextAsync();
        clock.Advance(TimeSpan.FromMinutes(3));

        await http.AuthenticateAsync("ada@example.org");

        Assert.True(await next);
        Assert.Equal(Event("REPLACED", clock.GetUtcNow()), events.Current.ToJson());
        Assert.False(await events.MoveNextAsync());
    }

    [Fact]
    public async Task SigningOutEndsTheSessionAsLoggedOutAndOnlyItsOwnSubscribersHear()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var graphql = new InProcessGraphQL(server);
        var ada = await http.CreateUserAsync("ada@example.org");
        var grace = await http.CreateUserAsync("grace@example.org");
        var adaEvents = (await graphql.SubscribeAsync(Subscription, await graphql.CallerAsync(ada))).Stream!.GetAsyncEnumerator();
        var adaAgain = (await graphql.SubscribeAsync(Subscription, await graphql.CallerAsync(ada))).Stream!.GetAsyncEnumerator();
        var graceEvents = (await graphql.SubscribeAsync(Subscription, await graphql.CallerAsync(grace))).Stream!.GetAsyncEnumerator();
        var adaNext = adaEvents.MoveNextAsync();
        var adaAgainNext = adaAgain.MoveNextAsync();
        var graceNext = graceEvents.MoveNextAsync();

        await http.AuthenticateAsync("grace@example.org");
        Assert.True(await graceNext);
        await http.PostAsync(Operations.Logout, token: ada);

        Assert.True(await adaNext);
        Assert.True(await adaAgainNext);
        Assert.Contains("\"reason\":\"REPLACED\"", graceEvents.Current.ToJson(), StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"LOGGED_OUT\"", adaEvents.Current.ToJson(), StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"LOGGED_OUT\"", adaAgain.Current.ToJson(), StringComparison.Ordinal);
        Assert.False(await adaEvents.MoveNextAsync());
        Assert.False(await graceEvents.MoveNextAsync());
        await adaEvents.DisposeAsync();
        await adaAgain.DisposeAsync();
        await graceEvents.DisposeAsync();
    }

    [Fact]
    public async Task TheSessionReachingItsExpiryEndsItAsExpired()
    {
        var clock = new SettableClock();
        await using var server = await AccountsServer.StartAsync(clock, "--Accounts:ExpiryCheckInterval=00:00:00.05");
        using var http = new GraphQLHttp(server);
        var graphql = new InProcessGraphQL(server);
        var token = await http.CreateUserAsync("ada@example.org");
        var expiresAt = clock.GetUtcNow().AddHours(24);
        await using var events = (await graphql.SubscribeAsync(Subscription, await graphql.CallerAsync(token))).Stream!.GetAsyncEnumerator();
        var next = events.MoveNextAsync();

        // Nothing else happens: the subscription itself notices, reading the clock again.
        clock.Advance(TimeSpan.FromHours(25));

        Assert.True(await next);
        Assert.Equal(Event("EXPIRED", clock.GetUtcNow()), events.Current.ToJson());
        Assert.False(await events.MoveNextAsync());
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM sessions"));
        Assert.True(clock.GetUtcNow() > expiresAt);
    }

    [Fact]
    public async Task AnExpiredTokenPresentedAgainEndsTheSessionForItsSubscribers()
    {
        var clock = new SettableClock();
        await using var server = await AccountsServer.StartAsync(clock);
        using var http = new GraphQLHttp(server);
        var graphql = new InProcessGraphQL(server);
        var token = await http.CreateUserAsync("ada@example.org");
        await using var events = (await graphql.SubscribeAsync(Subscription, await graphql.CallerAsync(token))).Stream!.GetAsyncEnumerator();
        var next = events.MoveNextAsync();
        clock.Advance(TimeSpan.FromHours(24));

        Assert.Null(await http.MeAsync(token));

        Assert.True(await next);
        Assert.Contains("\"reason\":\"EXPIRED\"", events.Current.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutALiveSessionTheSubscriptionDoesNotStart()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var graphql = new InProcessGraphQL(server);
        var token = await http.CreateUserAsync("ada@example.org");
        var stale = await graphql.CallerAsync(token);
        await http.PostAsync(Operations.Logout, token: token);

        var anonymous = await graphql.SubscribeAsync(Subscription, await graphql.CallerAsync(null));
        var ended = await graphql.SubscribeAsync(Subscription, stale);

        foreach (var refused in new[] { anonymous, ended })
        {
            Assert.False(refused.IsStream);
            var error = Assert.Single(refused.Result!.Errors!);
            Assert.Equal(ServerErrorCodes.AuthNotAuthenticated, error.Code);
            Assert.Equal(
                """{"errors":[{"message":"Sign in first: this field needs a valid session token.","locations":[{"line":1,"column":16}],"path":["sessionEnded"],"extensions":{"code":"AUTH_NOT_AUTHENTICATED"}}]}""",
                refused.Result.ToJson());
        }
    }

    [Fact]
    public async Task UnsubscribingStopsTheWatch()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var graphql = new InProcessGraphQL(server);
        var token = await http.CreateUserAsync("ada@example.org");
        using var unsubscribe = new CancellationTokenSource();
        var events = (await graphql.SubscribeAsync(Subscription, await graphql.CallerAsync(token))).Stream!.GetAsyncEnumerator(unsubscribe.Token);
        var next = events.MoveNextAsync();

        await unsubscribe.CancelAsync();

        Assert.False(await next);
        await events.DisposeAsync();
        Assert.Equal("ada@example.org", await http.MeAsync(token));
    }
}
