using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Transport.WebSockets;

/// <summary>Signs users up and in over the real server's GraphQL over HTTP, for tests that need real session tokens.</summary>
public static class AccountsClient
{
    /// <summary>Settings that make the server's bcrypt fast enough for tests.</summary>
    public const string FastHashing = "--Accounts:BcryptCost=4";

    public const string Password = "correct horse battery";

    /// <summary>Creates the account <paramref name="email"/> and returns its session token.</summary>
    public static async Task<string> SignUpAsync(RunningServer server, string email)
    {
        var created = await PostAsync(
            server,
            "mutation ($email: String!, $password: String!) { createUser(input: {email: $email, password: $password}) { token } }",
            new { email, password = Password });
        return created.GetProperty("data").GetProperty("createUser").GetProperty("token").GetString()!;
    }

    /// <summary>Signs <paramref name="email"/> in again (which ends their previous session); the new token.</summary>
    public static async Task<string> SignInAsync(RunningServer server, string email)
    {
        var signedIn = await PostAsync(
            server,
            "mutation ($email: String!, $password: String!) { authenticate(input: {email: $email, password: $password}) { token } }",
            new { email, password = Password });
        return signedIn.GetProperty("data").GetProperty("authenticate").GetProperty("token").GetString()!;
    }

    /// <summary>POSTs a GraphQL request; the response body.</summary>
    public static async Task<JsonElement> PostAsync(RunningServer server, string query, object? variables = null, string? token = null)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
