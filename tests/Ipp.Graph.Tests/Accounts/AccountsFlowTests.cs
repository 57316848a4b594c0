using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>The accounts fields end to end through the request runner.</summary>
public sealed class AccountsFlowTests
{
    private const string CreateUser = "mutation($email: String!, $password: String!) { createUser(input: {email: $email, password: $password}) { token expiresAt user { id email roles } } }";
    private const string Authenticate = "mutation($email: String!, $password: String!) { authenticate(email: $email, password: $password) { token user { email } } }";
    private const string Me = "{ me { email roles } }";

    [Fact]
    public async Task CreateSignInReplaceAndSignOut()
    {
        await using var server = await RunningServer.StartAsync("--Accounts:BcryptCost=4");
        var graphql = new InProcessGraphQL(server);

        var created = await graphql.ExecuteAsync(CreateUser, new Dictionary<string, object?> { ["email"] = "  Ada@Example.org ", ["password"] = "correct horse" });
        var payload = created.GetProperty("data").GetProperty("createUser");
        var first = payload.GetProperty("token").GetString();
        Assert.Equal("Ada@Example.org", payload.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("""["RESEARCHER"]""", payload.GetProperty("user").GetProperty("roles").GetRawText());

        var me = await graphql.ExecuteAsync(Me, token: first);
        Assert.Equal("""{"data":{"me":{"email":"Ada@Example.org","roles":["RESEARCHER"]}}}""", me.GetRawText());

        var signedIn = await graphql.ExecuteAsync(Authenticate, new Dictionary<string, object?> { ["email"] = "ada@EXAMPLE.org", ["password"] = "correct horse" });
        var second = signedIn.GetProperty("data").GetProperty("authenticate").GetProperty("token").GetString();
        Assert.NotEqual(first, second);

        Assert.Equal("""{"data":{"me":null}}""", (await graphql.ExecuteAsync(Me, token: first)).GetRawText());
        Assert.Equal("""{"data":{"me":{"email":"Ada@Example.org","roles":["RESEARCHER"]}}}""", (await graphql.ExecuteAsync(Me, token: second)).GetRawText());

        var logout = await graphql.ExecuteAsync("mutation { logout { loggedOut } }", token: second);
        Assert.Equal("""{"data":{"logout":{"loggedOut":true}}}""", logout.GetRawText());
        Assert.Equal("""{"data":{"me":null}}""", (await graphql.ExecuteAsync(Me, token: second)).GetRawText());

        var anonymousLogout = await graphql.ExecuteAsync("mutation { logout { loggedOut } }", token: second);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", anonymousLogout.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Empty(server.Logs.Errors);
    }
}
