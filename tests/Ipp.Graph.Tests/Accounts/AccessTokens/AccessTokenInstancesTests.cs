using System.Net.Http.Json;
using System.Text.Json;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Accounts.AccessTokens;

/// <summary>
/// Two server processes on one PostgreSQL database, as behind a load balancer: a token made through one works through
/// the other, and revoking it through either refuses it on both, though the other remembered its caller: the
/// revoking instance at once, the other as soon as PostgreSQL's notification reaches it (as a session's end does).
/// </summary>
public sealed class AccessTokenInstancesTests : TwoInstances
{
    [PostgreSqlFact]
    public async Task A_token_revoked_through_one_instance_is_refused_at_once_by_the_other()
    {
        using var a = A.CreateClient();
        using var b = B.CreateClient();
        var created = await PostAsync(a, """mutation { createUser(input: {email: "ada@example.org", password: "correct horse battery"}) { token } }""", null, null);
        var session = created.GetProperty("data").GetProperty("createUser").GetProperty("token").GetString()!;
        var made = (await PostAsync(a, AccessTokenCalls.Create, new { input = new { name = "script", expiresAt = Instants.Rfc3339(DateTimeOffset.UtcNow.AddDays(1)) } }, session))
            .GetProperty("data").GetProperty("createAccessToken");
        var token = made.GetProperty("token").GetString()!;
        Assert.Equal("ada@example.org", await EmailAsync(b, token));
        Assert.Equal("ada@example.org", await EmailAsync(b, token));

        await PostAsync(a, AccessTokenCalls.Revoke, new { id = made.GetProperty("accessToken").GetProperty("id").GetString() }, session);

        Assert.Null(await EmailAsync(a, token));
        // B hears of it through PostgreSQL's NOTIFY, delivered after the revoking transaction commits, as a session's end.
        for (var attempt = 0; await EmailAsync(b, token) is not null; attempt++)
        {
            Assert.True(attempt < 200, "Instance B kept accepting the revoked token.");
            await Task.Delay(50);
        }

        Assert.Equal("ada@example.org", await EmailAsync(b, session));
        Assert.Null(await EmailAsync(b, token));
    }

    private static async Task<string?> EmailAsync(HttpClient client, string token)
    {
        var me = (await PostAsync(client, "{ me { email } }", null, token)).GetProperty("data").GetProperty("me");
        return me.ValueKind == JsonValueKind.Null ? null : me.GetProperty("email").GetString();
    }
}
