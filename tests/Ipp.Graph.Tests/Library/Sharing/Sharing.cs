using System.Net;
using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Library.Download;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Library.Sharing;

/// <summary>The sharing tests' operations over the real server's GraphQL and download endpoint.</summary>
public static class Sharing
{
    public const string ShareFields = "id email group { id name } entry { id name } tag { id name kind } createdAt";

    private const string Errors = "errors { __typename ... on Error { code message } }";

    public static Task<GraphQLResponse> ShareEntryAsync(RunningServer server, WriteUser owner, string entryId, object grantee) =>
        PostAsync(server, $"mutation($input: ShareEntryInput!) {{ shareEntry(input: $input) {{ share {{ {ShareFields} }} {Errors} }} }}", new { input = new { entryId, grantee } }, owner);

    public static Task<GraphQLResponse> ShareTagAsync(RunningServer server, WriteUser owner, string tagId, object grantee) =>
        PostAsync(server, $"mutation($input: ShareTagInput!) {{ shareTag(input: $input) {{ share {{ {ShareFields} }} {Errors} }} }}", new { input = new { tagId, grantee } }, owner);

    public static Task<GraphQLResponse> RevokeAsync(RunningServer server, WriteUser owner, string id) =>
        PostAsync(server, $"mutation($input: RevokeShareInput!) {{ revokeShare(input: $input) {{ revokedId {Errors} }} }}", new { input = new { id } }, owner);

    /// <summary>The new grant's global id (the mutation must have succeeded).</summary>
    public static string IdOf(GraphQLResponse response, string field)
    {
        var payload = response.Data(field);
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        return payload.GetProperty("share").GetProperty("id").GetString()!;
    }

    /// <summary>The entry as <paramref name="user"/> reaches it through <c>node</c>: its name and shares; null when not reached.</summary>
    public static async Task<JsonElement?> NodeAsync(RunningServer server, WriteUser user, string entryId)
    {
        var node = (await PostAsync(server, $"query($id: ID!) {{ node(id: $id) {{ ... on LibraryEntry {{ name shares {{ {ShareFields} }} }} }} }}", new { id = entryId }, user)).Data("node");
        return node.ValueKind == JsonValueKind.Null ? null : node;
    }

    /// <summary>The names of the entries <paramref name="user"/> reaches among <paramref name="entryIds"/> (one <c>nodes</c> query).</summary>
    public static async Task<string[]> SeenAsync(RunningServer server, WriteUser user, params string[] entryIds)
    {
        var nodes = (await PostAsync(server, "query($ids: [ID!]!) { nodes(ids: $ids) { ... on LibraryEntry { name } } }", new { ids = entryIds }, user)).Data("nodes");
        return [.. nodes.EnumerateArray().Where(n => n.ValueKind != JsonValueKind.Null).Select(n => n.GetProperty("name").GetString()!)];
    }

    /// <summary>The status of downloading the entry's content as <paramref name="user"/>.</summary>
    public static async Task<HttpStatusCode> DownloadAsync(RunningServer server, WriteUser user, string entryId)
    {
        using var response = await LibraryDownloadServer.GetAsync(server, $"/library/{entryId}/content", user.Token);
        return response.StatusCode;
    }

    /// <summary>The grants <paramref name="user"/> made, newest first (<c>libraryShares</c>).</summary>
    public static async Task<JsonElement[]> SharesOfAsync(RunningServer server, WriteUser user)
    {
        var shares = (await PostAsync(server, $"{{ libraryShares(first: 100) {{ totalCount nodes {{ {ShareFields} }} }} }}", null, user)).Data("libraryShares");
        return [.. shares.GetProperty("nodes").EnumerateArray()];
    }

    /// <summary>A new group (made by a new administrator) with <paramref name="members"/>; its global id.</summary>
    public static async Task<(string Id, WriteUser Admin)> GroupAsync(RunningServer server, string name, params WriteUser[] members)
    {
        var admin = await AccessServers.SignUpAsync(server, "ADMIN");
        var group = (await PostAsync(server, "mutation($name: String!) { createGroup(input: {name: $name}) { group { id } } }", new { name }, admin))
            .Data("createGroup").GetProperty("group").GetProperty("id").GetString()!;
        if (members.Length > 0)
        {
            await PostAsync(server, "mutation($id: ID!, $users: [ID!]!) { addGroupMembers(input: {id: $id, userIds: $users}) { group { id } } }",
                new { id = group, users = members.Select(m => Ipp.Graph.GraphQL.GlobalId.Encode("User", m.Id)).ToArray() }, admin);
        }

        return (group, admin);
    }

    public static async Task<GraphQLResponse> PostAsync(RunningServer server, string query, object? variables, WriteUser user)
    {
        using var http = new GraphQLHttp(server);
        var response = await http.PostAsync(query, variables, user.Token);
        Assert.False(response.Body.TryGetProperty("errors", out var errors), errors.ToString());
        return response;
    }
}
