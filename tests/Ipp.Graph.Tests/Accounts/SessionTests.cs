using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Ipp.Graph.Accounts;
using Ipp.Graph.GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>Session tokens over HTTP: where they are read from, how they end, what the database keeps of them.</summary>
public sealed class SessionTests
{
    [Theory]
    [InlineData(10000)]
    [InlineData(0)]
    public async Task TheTokenWorksAsABearerHeaderAndAsTheCookieAndNothingElseSignsIn(int sessionCacheSize)
    {
        await using var server = await AccountsServer.StartAsync($"--Accounts:SessionCacheSize={sessionCacheSize}");
        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("ada@example.org");

        Assert.Equal("ada@example.org", await http.MeAsync(token));
        Assert.Equal("ada@example.org", await http.MeAsync(cookie: "ipp_session=" + token));
        Assert.Null(await http.MeAsync());
        Assert.Null(await http.MeAsync("not-a-token"));
        Assert.Null(await http.MeAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await http.MeAsync(cookie: "other=" + token));

        // The header, when there is one, is what counts.
        Assert.Null(await http.MeAsync("not-a-token", "ipp_session=" + token));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task OnlyTheBearerSchemeCarriesATokenInTheHeader()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("ada@example.org");
        using var client = new HttpClient { BaseAddress = server.Address };

        async Task<string> MeWith(string authorization)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ me { email } }" }) };
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await client.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Equal("""{"data":{"me":{"email":"ada@example.org"}}}""", await MeWith("bearer " + token));
        Assert.Equal("""{"data":{"me":null}}""", await MeWith("Basic " + token));
        Assert.Equal("""{"data":{"me":null}}""", await MeWith(token));
    }

    [Fact]
    public async Task CreateUserAndAuthenticateSetAStrictHttpOnlyCookieExpiringWithTheToken()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);

        var created = await http.PostAsync(Operations.CreateUser, new { email = "ada@example.org", password = "correct horse battery" });
        var signedIn = await http.PostAsync(Operations.Authenticate, new { email = "ada@example.org", password = "correct horse battery" });

        foreach (var (response, field) in new[] { (created, "createUser"), (signedIn, "authenticate") })
        {
            var cookie = SetCookieHeaderValue.Parse(Assert.Single(response.SetCookies));
            var payload = response.Data(field);
            Assert.Equal("ipp_session", cookie.Name.Value);
            Assert.Equal(payload.GetProperty("token").GetString(), cookie.Value.Value);
            Assert.True(cookie.HttpOnly);
            Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
            Assert.False(cookie.Secure);
            Assert.Equal("/", cookie.Path.Value);
            var expiresAt = DateTimeOffset.Parse(payload.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expiresAt.ToUnixTimeSeconds(), cookie.Expires!.Value.ToUnixTimeSeconds());
        }
    }

    [Fact]
    public async Task TheCookieIsSecureOverHttpsAndAbsentWhereTheTransportHasNoCookies()
    {
        await using var server = await AccountsServer.StartAsync();
        var runner = server.Services.GetRequiredService<RequestRunner>();
        var https = new DefaultHttpContext();
        await using var scope = server.Services.CreateAsyncScope();
        var request = new Ipp.Graph.Engine.Execution.GraphQLRequest
        {
            Query = Operations.CreateUser,
            Variables = new Dictionary<string, object?> { ["email"] = "ada@example.org", ["password"] = "correct horse battery" },
        };

        var overHttps = await runner.ExecuteAsync(request, new ServerRequestContext
        {
            Services = scope.ServiceProvider,
            ResponseCookies = https.Response.Cookies,
            IsHttps = true,
        });
        var overWebSocket = await runner.ExecuteAsync(
            new Ipp.Graph.Engine.Execution.GraphQLRequest { Query = Operations.Authenticate, Variables = request.Variables },
            new ServerRequestContext { Services = scope.ServiceProvider });

        Assert.Null(overHttps.Errors);
        Assert.Null(overWebSocket.Errors);
        var cookie = SetCookieHeaderValue.Parse(https.Response.Headers.SetCookie.ToString());
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
    }

    [Theory]
    [InlineData(10000)]
    [InlineData(0)]
    public async Task ATokenWorksUntilExactly24HoursAfterIssueAndNotAfter(int sessionCacheSize)
    {
        var clock = new SettableClock();
        await using var server = await AccountsServer.StartAsync(clock, $"--Accounts:SessionCacheSize={sessionCacheSize}");
        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("ada@example.org");

        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromTicks(1));
        Assert.Equal("ada@example.org", await http.MeAsync(token));

        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Null(await http.MeAsync(token));
        var logout = await http.PostAsync(Operations.Logout, token: token);
        Assert.Equal(ServerErrorCodes.AuthNotAuthenticated, logout.ErrorCode);

        // The expired session is gone from the database; signing in again starts a new one.
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM sessions"));
        var renewed = await http.AuthenticateAsync("ada@example.org");
        Assert.Equal("ada@example.org", await http.MeAsync(renewed));
    }

    [Fact]
    public async Task TheDatabaseHoldsOnlyTheHashOfTokens()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var first = await http.CreateUserAsync("ada@example.org");
        var second = await http.AuthenticateAsync("ada@example.org");
        var third = await http.CreateUserAsync("grace@example.org");

        var stored = await server.Database.StoredBytesAsync();

        foreach (var token in new[] { first, second, third })
        {
            Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.ASCII.GetBytes(token)));
            Assert.Equal(-1, stored.AsSpan().IndexOf(Base64Url.DecodeFromChars(token)));
        }

        // What is stored is the SHA-256 of the live tokens (so the search above reads the right bytes).
        Assert.NotEqual(-1, stored.AsSpan().IndexOf(SHA256.HashData(Encoding.ASCII.GetBytes(third))));
        Assert.Equal(2L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM sessions WHERE length(token_hash) = 32"));
    }

    [Theory]
    [InlineData(10000)]
    [InlineData(0)]
    public async Task LogoutEndsTheSessionAndClearsTheCookie(int sessionCacheSize)
    {
        await using var server = await AccountsServer.StartAsync($"--Accounts:SessionCacheSize={sessionCacheSize}");
        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("ada@example.org");
        Assert.Equal("ada@example.org", await http.MeAsync(token));

        var logout = await http.PostAsync(Operations.Logout, token: token);

        Assert.Equal("""{"loggedOut":true}""", logout.Data("logout").GetRawText());
        var cleared = SetCookieHeaderValue.Parse(Assert.Single(logout.SetCookies));
        Assert.Equal("ipp_session", cleared.Name.Value);
        Assert.Equal("", cleared.Value.Value);
        Assert.True(cleared.Expires < DateTimeOffset.UtcNow);
        Assert.Equal("/", cleared.Path.Value);
        Assert.Null(await http.MeAsync(token));
        Assert.Equal(0L, await server.Database.ScalarAsync("SELECT COUNT(*) FROM sessions"));

        var again = await http.PostAsync(Operations.Logout, token: token);
        Assert.Equal(ServerErrorCodes.AuthNotAuthenticated, again.ErrorCode);
        Assert.Equal("Sign in first: this field needs a valid session token.", again.ErrorMessage);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, again.Body.GetProperty("data").ValueKind);
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>
    /// A query checks its caller's session once for all its fields; a mutation's fields run one after another, and
    /// one that ends the session ends it for the fields after it, though the caller was checked before it.
    /// </summary>
    [Fact]
    public async Task AMutationsFieldsAfterLogoutNoLongerHaveTheCaller()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("ada@example.org");

        var response = await http.PostAsync(
            "mutation { before: updateProfile(input: {}) { user { email } } logout { loggedOut } after: updateProfile(input: {}) { user { email } } }",
            token: token);

        Assert.Equal(ServerErrorCodes.AuthNotAuthenticated, response.ErrorCode);
        Assert.Equal("""["after"]""", response.Body.GetProperty("errors")[0].GetProperty("path").GetRawText());
        Assert.Null(await http.MeAsync(token));
    }

    [Theory]
    [InlineData(10000, "ada@example.org")]
    [InlineData(0, null)]
    public async Task ACallerSeenBeforeIsRememberedWithoutAskingTheDatabase(int sessionCacheSize, string? meAfterRowDeleted)
    {
        await using var server = await AccountsServer.StartAsync($"--Accounts:SessionCacheSize={sessionCacheSize}");
        using var http = new GraphQLHttp(server);
        var token = await http.CreateUserAsync("ada@example.org");
        Assert.Equal("ada@example.org", await http.MeAsync(token));

        // Not how sessions end (that goes through the server, which forgets them): it shows whether the database is asked.
        await server.Database.ExecuteAsync("DELETE FROM sessions");

        Assert.Equal(meAfterRowDeleted, await http.MeAsync(token));
    }

    [Fact]
    public async Task AConnectionsCallerWhoseSessionEndedIsNoLongerSignedIn()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var graphql = new InProcessGraphQL(server);
        var token = await http.CreateUserAsync("ada@example.org");
        var connection = await graphql.CallerAsync(token);
        Assert.Equal("""{"data":{"me":{"email":"ada@example.org"}}}""", (await graphql.ExecuteAsync("{ me { email } }", connection)).GetRawText());

        await http.AuthenticateAsync("ada@example.org");

        Assert.Equal("""{"data":{"me":null}}""", (await graphql.ExecuteAsync("{ me { email } }", connection)).GetRawText());
        Assert.Equal("""{"data":{"logout":{"loggedOut":false}}}""", (await graphql.ExecuteAsync(Operations.Logout, connection)).GetRawText());
    }

    [Fact]
    public async Task TheCallerAuthenticatorGivesTheClaimsOfTheSession()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        await http.CreateUserAsync("Ada@Example.org");
        await server.Database.ExecuteAsync("INSERT INTO user_roles (user_id, role) VALUES (1, 'ADMIN')");
        var token = await http.AuthenticateAsync("ada@example.org");
        var authenticator = server.Services.GetRequiredService<ICallerAuthenticator>();

        var caller = await authenticator.AuthenticateAsync(token, CancellationToken.None);
        var withScheme = await authenticator.AuthenticateAsync("Bearer " + token, CancellationToken.None);
        var unknown = await authenticator.AuthenticateAsync(new string('A', 43), CancellationToken.None);
        var none = await authenticator.AuthenticateAsync(null, CancellationToken.None);

        Assert.True(caller.Identity!.IsAuthenticated);
        Assert.Equal("1", caller.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("Ada@Example.org", caller.FindFirstValue(ClaimTypes.Email));
        Assert.Equal(["ADMIN"], caller.FindAll(ClaimTypes.Role).Select(claim => claim.Value));
        Assert.Equal(await server.Database.ScalarAsync("SELECT id FROM sessions") is long id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, caller.FindFirstValue("sid"));
        Assert.Equal("1", withScheme.FindFirstValue(ClaimTypes.NameIdentifier));
        // The claims are made when read (SignedInCaller): copies of the principal and of its identity have them too.
        var claims = caller.Claims.Select(claim => (claim.Type, claim.Value)).ToList();
        Assert.Equal(8, claims.Count); // id, email, session, two times, approval, grants' version, one role
        var copy = caller.Clone();
        Assert.Equal(claims, copy.Claims.Select(claim => (claim.Type, claim.Value)));
        Assert.Equal(claims, caller.Identities.Single().Clone().Claims.Select(claim => (claim.Type, claim.Value)));
        Assert.True(SignedInCaller.TryRead(copy, out var copied));
        Assert.Equal(1, copied.UserId);
        Assert.False(unknown.Identity!.IsAuthenticated);
        Assert.False(none.Identity!.IsAuthenticated);
    }

    [Fact]
    public async Task NodeFindsTheCallerOnlyAndMeIsNullForAnonymousCallers()
    {
        await using var server = await AccountsServer.StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await http.CreateUserAsync("ada@example.org");
        await http.CreateUserAsync("grace@example.org");
        const string Node = "query($id: ID!) { node(id: $id) { __typename id ... on User { email } } }";
        var adaId = GlobalId.Encode("User", 1);

        var own = await http.PostAsync(Node, new { id = adaId }, ada);
        var other = await http.PostAsync(Node, new { id = GlobalId.Encode("User", 2) }, ada);
        var anonymous = await http.PostAsync(Node, new { id = adaId });
        var unknownType = await http.PostAsync(Node, new { id = GlobalId.Encode("Experiment", 1) }, ada);
        var notAnId = await http.PostAsync(Node, new { id = "%%%" }, ada);
        var me = await http.PostAsync("{ me { id } }");

        Assert.Equal($$"""{"__typename":"User","id":"{{adaId}}","email":"ada@example.org"}""", own.Data("node").GetRawText());
        Assert.Equal("null", other.Data("node").GetRawText());
        Assert.Equal("null", anonymous.Data("node").GetRawText());
        Assert.Equal("null", unknownType.Data("node").GetRawText());
        Assert.Equal("null", notAnId.Data("node").GetRawText());
        Assert.Equal("null", me.Data("me").GetRawText());
    }
}
