using System.Text.Json;

namespace Ipp.Graph.Tests.Accounts.AccessTokens;

/// <summary>The personal access token operations as a client sends them over HTTP, and what the tests read back.</summary>
public static class AccessTokenCalls
{
    public const string Create =
        "mutation($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { token accessToken { id name createdAt expiresAt lastUsedAt readOnly } "
        + "errors { __typename ... on Error { code message } ... on InvalidAccessTokenNameError { maxLength } ... on InvalidAccessTokenExpiryError { latest } "
        + "... on AccessTokenLimitReachedError { maxTokens } } } }";

    public const string Revoke =
        "mutation($id: ID!) { revokeAccessToken(input: {id: $id}) { revokedId errors { __typename ... on Error { code message } ... on AccessTokenNotFoundError { id } } } }";

    public const string List = "{ accessTokens { id name createdAt expiresAt lastUsedAt readOnly } }";

    /// <summary>Asks for a token (the session's caller); the response.</summary>
    public static Task<GraphQLResponse> CreateAsync(GraphQLHttp http, string sessionToken, string name, DateTimeOffset expiresAt, bool? readOnly = null) =>
        http.PostAsync(
            Create,
            new { input = readOnly is { } only ? (object)new { name, expiresAt = Instants.Rfc3339(expiresAt), readOnly = only } : new { name, expiresAt = Instants.Rfc3339(expiresAt) } },
            sessionToken);

    /// <summary>Makes a token that must be made; its text and global id.</summary>
    public static async Task<(string Token, string Id)> MakeAsync(GraphQLHttp http, string sessionToken, string name, DateTimeOffset expiresAt, bool readOnly = false)
    {
        var response = await CreateAsync(http, sessionToken, name, expiresAt, readOnly);
        var payload = response.Data("createAccessToken");
        Assert.True(payload.GetProperty("errors").ValueKind == JsonValueKind.Null, response.Body.GetRawText());
        return (payload.GetProperty("token").GetString()!, payload.GetProperty("accessToken").GetProperty("id").GetString()!);
    }

    /// <summary>The caller's tokens as <c>accessTokens</c> lists them.</summary>
    public static async Task<List<JsonElement>> ListAsync(GraphQLHttp http, string sessionToken) =>
        [.. (await http.PostAsync(List, token: sessionToken)).Data("accessTokens").EnumerateArray()];
}
