namespace Ipp.Graph.Tests.Accounts.AccessTokens;

/// <summary>
/// Personal access tokens over time, with a clock the test moves: a token works until the expiry its user chose (at
/// most <c>AccessTokens:MaxLifetime</c> away), expired ones count no more, and <c>lastUsedAt</c> is written at most
/// once per <c>AccessTokens:LastUsedPrecision</c>.
/// </summary>
public sealed class AccessTokenClockTests
{
    [Fact]
    public async Task A_token_works_until_its_expiry_and_is_refused_and_unlisted_from_then_on()
    {
        var clock = new SettableClock();
        await using var server = await AccountsServer.StartAsync(clock);
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        var (token, _) = await AccessTokenCalls.MakeAsync(http, session, "short", clock.GetUtcNow().AddHours(2));
        clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMilliseconds(1));
        Assert.Equal("ada@example.org", await http.MeAsync(token));

        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Null(await http.MeAsync(token));
        Assert.Empty(await AccessTokenCalls.ListAsync(http, session));
    }

    [Fact]
    public async Task The_expiry_may_be_the_maximum_lifetime_away_and_not_a_millisecond_more()
    {
        var clock = new SettableClock();
        await using var server = await AccountsServer.StartAsync(clock, "--AccessTokens:MaxLifetime=30.00:00:00");
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        var latest = clock.GetUtcNow().AddDays(30);

        var beyond = await AccessTokenCalls.CreateAsync(http, session, "too long", latest.AddMilliseconds(1));
        var longest = await AccessTokenCalls.CreateAsync(http, session, "longest", latest);

        Assert.Equal("INVALID_ACCESS_TOKEN_EXPIRY", beyond.PayloadErrorCode("createAccessToken"));
        Assert.Equal(Instants.Rfc3339(latest), beyond.PayloadError("createAccessToken").GetProperty("latest").GetString());
        Assert.Equal(Instants.Rfc3339(latest), longest.Data("createAccessToken").GetProperty("accessToken").GetProperty("expiresAt").GetString());
    }

    [Fact]
    public async Task Expired_tokens_do_not_count_against_the_limit_and_are_deleted_when_the_user_makes_one()
    {
        var clock = new SettableClock();
        await using var server = await AccountsServer.StartAsync(clock, "--AccessTokens:MaxPerUser=1");
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        await AccessTokenCalls.MakeAsync(http, session, "script", clock.GetUtcNow().AddHours(1));
        clock.Advance(TimeSpan.FromHours(1));

        await AccessTokenCalls.MakeAsync(http, session, "script", clock.GetUtcNow().AddHours(1));

        Assert.Equal(1L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM access_tokens"));
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_per_precision_interval()
    {
        var clock = new SettableClock();
        await using var server = await AccountsServer.StartAsync(clock, "--AccessTokens:LastUsedPrecision=00:01:00");
        using var http = new GraphQLHttp(server);
        var session = await http.CreateUserAsync("ada@example.org");
        var (token, _) = await AccessTokenCalls.MakeAsync(http, session, "script", clock.GetUtcNow().AddDays(1));
        var first = clock.GetUtcNow();

        await http.MeAsync(token);
        Assert.Equal(Instants.Rfc3339(first), await LastUsedAsync(http, session));
        clock.Advance(TimeSpan.FromSeconds(59));
        await http.MeAsync(token);
        Assert.Equal(Instants.Rfc3339(first), await LastUsedAsync(http, session));
        clock.Advance(TimeSpan.FromSeconds(1));
        await http.MeAsync(token);

        Assert.Equal(Instants.Rfc3339(first.AddMinutes(1)), await LastUsedAsync(http, session));
    }

    private static async Task<string?> LastUsedAsync(GraphQLHttp http, string session) =>
        Assert.Single(await AccessTokenCalls.ListAsync(http, session)).GetProperty("lastUsedAt").GetString();
}
