using System.Text.Json;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Accounts.AccessTokens;

/// <summary>
/// Bad input to <c>createAccessToken</c> and <c>revokeAccessToken</c>: each answers its code in the payload, changes
/// nothing, and never fails the server. The server allows two tokens per user.
/// </summary>
public sealed class AccessTokenInputTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    private static DateTimeOffset InAMonth => DateTimeOffset.UtcNow.AddDays(30);

    public async Task InitializeAsync() => _server = await AccountsServer.StartAsync("--AccessTokens:MaxPerUser=2");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    [InlineData("x*10000")]
    [InlineData("x*101")]
    [InlineData("bell\u0007")]
    [InlineData("two\nlines")]
    [InlineData("line\u2028separator")]
    public async Task A_name_that_breaks_a_rule_is_refused_with_INVALID_ACCESS_TOKEN_NAME(string written)
    {
        var name = written.StartsWith("x*", StringComparison.Ordinal) ? new string('x', int.Parse(written[2..])) : written;
        using var http = new GraphQLHttp(_server);
        var session = await http.CreateUserAsync($"{Guid.NewGuid():n}@example.org");

        var error = await RefusedAsync(() => AccessTokenCalls.CreateAsync(http, session, name, InAMonth), "createAccessToken", "INVALID_ACCESS_TOKEN_NAME");

        Assert.Equal(100, error.GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public async Task A_name_of_100_characters_with_spaces_around_is_kept_trimmed()
    {
        using var http = new GraphQLHttp(_server);
        var session = await http.CreateUserAsync($"{Guid.NewGuid():n}@example.org");
        var name = new string('é', 100);

        var made = (await AccessTokenCalls.CreateAsync(http, session, $"  {name} ", InAMonth)).Data("createAccessToken");

        Assert.Equal(name, made.GetProperty("accessToken").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_name_the_user_already_gave_a_token_is_refused_but_another_user_may_use_it()
    {
        using var http = new GraphQLHttp(_server);
        var session = await http.CreateUserAsync($"{Guid.NewGuid():n}@example.org");
        var other = await http.CreateUserAsync($"{Guid.NewGuid():n}@example.org");
        await AccessTokenCalls.MakeAsync(http, session, "nightly", InAMonth);

        await RefusedAsync(() => AccessTokenCalls.CreateAsync(http, session, " nightly ", InAMonth), "createAccessToken", "ACCESS_TOKEN_NAME_TAKEN");
        await AccessTokenCalls.MakeAsync(http, other, "nightly", InAMonth);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-400)]
    [InlineData(366)]
    [InlineData(100_000)]
    public async Task An_expiry_in_the_past_or_beyond_the_maximum_is_refused_with_INVALID_ACCESS_TOKEN_EXPIRY(int days)
    {
        using var http = new GraphQLHttp(_server);
        var session = await http.CreateUserAsync($"{Guid.NewGuid():n}@example.org");

        var error = await RefusedAsync(() => AccessTokenCalls.CreateAsync(http, session, "script", DateTimeOffset.UtcNow.AddDays(days)), "createAccessToken", "INVALID_ACCESS_TOKEN_EXPIRY");

        var latest = DateTimeOffset.Parse(error.GetProperty("latest").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(latest, DateTimeOffset.UtcNow.AddDays(365).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(365));
    }

    [Fact]
    public async Task One_token_more_than_the_limit_is_refused_until_one_is_revoked()
    {
        using var http = new GraphQLHttp(_server);
        var session = await http.CreateUserAsync($"{Guid.NewGuid():n}@example.org");
        var (_, first) = await AccessTokenCalls.MakeAsync(http, session, "one", InAMonth);
        await AccessTokenCalls.MakeAsync(http, session, "two", InAMonth);

        var error = await RefusedAsync(() => AccessTokenCalls.CreateAsync(http, session, "three", InAMonth), "createAccessToken", "ACCESS_TOKEN_LIMIT_REACHED");

        Assert.Equal(2, error.GetProperty("maxTokens").GetInt32());
        await http.PostAsync(AccessTokenCalls.Revoke, new { id = first }, session);
        await AccessTokenCalls.MakeAsync(http, session, "three", InAMonth);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("not an id")]
    [InlineData("a user's id")]
    [InlineData("someone else's")]
    [InlineData("revoked")]
    public async Task Revoking_a_token_the_caller_does_not_have_is_refused_with_ACCESS_TOKEN_NOT_FOUND(string which)
    {
        using var http = new GraphQLHttp(_server);
        var session = await http.CreateUserAsync($"{Guid.NewGuid():n}@example.org");
        var other = await http.CreateUserAsync($"{Guid.NewGuid():n}@example.org");
        var (othersToken, othersId) = await AccessTokenCalls.MakeAsync(http, other, "theirs", InAMonth);
        var (_, revokedId) = await AccessTokenCalls.MakeAsync(http, session, "gone", InAMonth);
        await http.PostAsync(AccessTokenCalls.Revoke, new { id = revokedId }, session);
        var id = which switch
        {
            "unknown" => GlobalId.Encode("AccessToken", 999_999),
            "not an id" => "not an id",
            "a user's id" => GlobalId.Encode("User", 1),
            "someone else's" => othersId,
            _ => revokedId,
        };

        var error = await RefusedAsync(() => http.PostAsync(AccessTokenCalls.Revoke, new { id }, session), "revokeAccessToken", "ACCESS_TOKEN_NOT_FOUND");

        Assert.Equal(id, error.GetProperty("id").GetString());
        Assert.NotNull(await http.MeAsync(othersToken));
    }

    /// <summary>Runs the mutation; asserts its payload's one error has the code (the rest null) and nothing changed.</summary>
    private async Task<JsonElement> RefusedAsync(Func<Task<GraphQLResponse>> call, string field, string code)
    {
        var before = await _server.Database.RowsAsync();

        var response = await call();

        var error = response.PayloadError(field);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(before, await _server.Database.RowsAsync());
        Assert.Empty(_server.Logs.Errors);
        return error;
    }
}
