using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Telemetry;
using Ipp.Graph.Tests.Transport.Sse;

namespace Ipp.Graph.Tests.Instances;

/// <summary>
/// The administration across two server processes on one PostgreSQL database: a role granted through one holds on
/// the other for a caller it already remembers, disabling through one ends the session streaming from the other, and
/// an account pending on one is announced to an administrator listening on the other.
/// </summary>
public sealed class AdministrationInstancesTests : TwoInstances
{
    [PostgreSqlFact]
    public async Task Changes_made_through_one_instance_hold_on_the_other()
    {
        using var a = A.CreateClient();
        using var b = B.CreateClient();
        var admin = await AdministratorAsync(a, "admin@example.org");
        var (target, targetId) = await SignUpAsync(b, "target@example.org");
        await Database.ExecuteAsync("UPDATE users SET approval = 'APPROVED' WHERE id = @id", ("@id", targetId));
        target = await AuthenticateAsync(b, "target@example.org");
        var targetGlobalId = Ipp.Graph.GraphQL.GlobalId.Encode("User", targetId);

        // B remembers the target as a caller without ADMIN; A grants it.
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(await ResponseAsync(b, "{ users { totalCount } }", null, target)));
        await ResponseAsync(a, "mutation($input: GrantRoleInput!) { grantRole(input: $input) { user { roles } } }", new { input = new { userId = targetGlobalId, role = "ADMIN" } }, admin);
        // The announcement reaches B as NOTIFY delivers it (asynchronously, a moment after the commit).
        await WaitUntilAsync(async () => Code(await ResponseAsync(b, "{ users { totalCount } }", null, target)) is null);

        // Disabling through A ends the target's stream on B.
        var ended = await FirstEventAsync(B, "subscription { sessionEnded { reason } }", target, async () =>
            await ResponseAsync(a, "mutation($input: DisableUserInput!) { disableUser(input: $input) { user { disabled } } }", new { input = new { id = targetGlobalId } }, admin));
        Assert.Equal("""{"data":{"sessionEnded":{"reason":"DISABLED"}}}""", ended.GetRawText());

        // An account created on A is announced to the administrator listening on B.
        var pending = await FirstEventAsync(B, "subscription { accountPending { user { email approval } } }", admin, async () =>
        {
            await PrometheusScrape.WaitUntilAsync(b, scrape => scrape.Series("ipp_graphql_active_subscriptions").Sum(series => series.Value) == 1);
            await SignUpAsync(a, "newcomer@example.org");
        });
        Assert.Equal("""{"data":{"accountPending":{"user":{"email":"newcomer@example.org","approval":"PENDING"}}}}""", pending.GetRawText());
    }

    protected override string[] Settings =>
    [
        "--Accounts:RequireApproval=true",
        // Its scrape tells when a subscriber's subscription is live.
        "--Telemetry:Prometheus:Enabled=true",
    ];

    private async Task<string> AdministratorAsync(HttpClient client, string email)
    {
        var (_, id) = await SignUpAsync(client, email);
        await Database.ExecuteAsync("UPDATE users SET approval = 'APPROVED' WHERE id = @id", ("@id", id));
        await Database.ExecuteAsync("INSERT INTO user_roles (user_id, role) VALUES (@id, 'ADMIN')", ("@id", id));
        return await AuthenticateAsync(client, email);
    }

    private static async Task<(string Token, long Id)> SignUpAsync(HttpClient client, string email)
    {
        var created = await ResponseAsync(client, "mutation($email: String!) { createUser(input: {email: $email, password: \"correct horse battery\"}) { token user { id } } }", new { email }, null);
        var payload = created.GetProperty("data").GetProperty("createUser");
        Assert.True(Ipp.Graph.GraphQL.GlobalId.TryDecode(payload.GetProperty("user").GetProperty("id").GetString()!, "User", out var id));
        return (payload.GetProperty("token").GetString()!, id);
    }

    private static async Task<string> AuthenticateAsync(HttpClient client, string email)
    {
        var signedIn = await ResponseAsync(client, "mutation($email: String!) { authenticate(input: {email: $email, password: \"correct horse battery\"}) { token } }", new { email }, null);
        return signedIn.GetProperty("data").GetProperty("authenticate").GetProperty("token").GetString()!;
    }

    private static string? Code(JsonElement response) =>
        response.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    /// <summary>Subscribes over SSE on <paramref name="server"/>; once the stream is open runs <paramref name="trigger"/>; the first response.</summary>
    private static async Task<JsonElement> FirstEventAsync(ServerProcess server, string query, string token, Func<Task> trigger)
    {
        using var client = server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new("Bearer", token);
        await using var stream = await EventStreamReader.OpenAsync(client, request);
        await trigger();
        while (await stream.NextAsync() is { } item)
        {
            if (item.Event == "next")
            {
                return JsonDocument.Parse(item.Data!).RootElement.Clone();
            }
        }

        throw new InvalidOperationException("The stream ended without a response.");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; !await condition(); attempt++)
        {
            Assert.True(attempt < 200, "Waited in vain.");
            await Task.Delay(50);
        }
    }
}
