using System.Text.Json;
using Ipp.Graph.Applications;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Groups;

/// <summary>
/// A real server with the groups tests' catalogue and categories: <c>open</c> is in an open category only,
/// <c>secret</c> in a category naming the group <c>Lab Members</c> only, <c>shared</c> in both (restricted: the safe
/// reading), and the open category also names <c>ghost</c>, which the catalogue lacks (a warning at start).
/// </summary>
public sealed class GroupServers : IAsyncLifetime
{
    public const string Catalogue = """
        [{"appKey": "open", "label": "Open", "fieldGroups": {"main": {"label": "Main", "fields": {"experimentName": {"type": "string", "label": "Name", "required": true}}}}},
         {"appKey": "secret", "label": "Secret", "fieldGroups": {"main": {"label": "Main", "fields": {"experimentName": {"type": "string", "label": "Name", "required": true}}}}},
         {"appKey": "shared", "label": "Shared", "fieldGroups": {"main": {"label": "Main", "fields": {"experimentName": {"type": "string", "label": "Name", "required": true}}}}}]
        """;

    public const string Categories = """
        {"general": {"label": "General", "description": "For everyone", "apps": ["open", "shared", "ghost"]},
         "lab": {"label": "Lab", "description": "Only for the lab", "apps": ["secret", "shared"], "groups": ["Lab Members"]}}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("ipp-graph-groups-").FullName;

    public RunningServer Server { get; private set; } = null!;

    public string CataloguePath => Path.Combine(_folder, "apps.json");

    public string CategoriesPath => Path.Combine(_folder, "categories.json");

    /// <summary>The settings naming the tests' catalogue and categories.</summary>
    public string[] Settings =>
    [
        $"--{ApplicationsServiceCollectionExtensions.CatalogPathSetting}={CataloguePath}",
        $"--{ApplicationsServiceCollectionExtensions.CategoriesPathSetting}={CategoriesPath}",
        "--Groups:MaxUsersPerChange=3",
    ];

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(CataloguePath, Catalogue);
        await File.WriteAllTextAsync(CategoriesPath, Categories);
        Server = await AccountsServer.StartAsync(Settings);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A new user holding <paramref name="roles"/>, signed in.</summary>
    public Task<WriteUser> SignUpAsync(params string[] roles) => AccessServers.SignUpAsync(Server, roles);

    /// <summary>Runs an operation on the server as <paramref name="user"/> (null: anonymously).</summary>
    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, WriteUser? user = null)
    {
        using var http = new GraphQLHttp(Server);
        return await http.PostAsync(query, variables, user?.Token);
    }

    /// <summary>Creates a group as <paramref name="admin"/>; its global id.</summary>
    public async Task<string> CreateGroupAsync(WriteUser admin, string name)
    {
        var response = await PostAsync(GroupOperations.Create, new { name }, admin);
        return response.Data("createGroup").GetProperty("group").GetProperty("id").GetString()!;
    }

    /// <summary>Makes <paramref name="users"/> members of the group, as <paramref name="admin"/>; fails unless it worked.</summary>
    public async Task AddAsync(WriteUser admin, string groupId, params WriteUser[] users)
    {
        var response = await PostAsync(GroupOperations.Add, new { id = groupId, userIds = users.Select(UserId).ToArray() }, admin);
        Assert.Equal(JsonValueKind.Null, response.Data("addGroupMembers").GetProperty("errors").ValueKind);
    }

    /// <summary>Ends <paramref name="users"/>' memberships of the group, as <paramref name="admin"/>; fails unless it worked.</summary>
    public async Task RemoveAsync(WriteUser admin, string groupId, params WriteUser[] users)
    {
        var response = await PostAsync(GroupOperations.Remove, new { id = groupId, userIds = users.Select(UserId).ToArray() }, admin);
        Assert.Equal(JsonValueKind.Null, response.Data("removeGroupMembers").GetProperty("errors").ValueKind);
    }

    public static string UserId(WriteUser user) => Ipp.Graph.GraphQL.GlobalId.Encode("User", user.Id);
}

/// <summary>The group operations the tests send, each selecting every field of its payload and of its errors.</summary>
public static class GroupOperations
{
    private const string Group = "group { id name createdAt members { email } }";

    private const string NotFound = "... on GroupNotFoundError { id }";

    private const string BadName = "... on InvalidGroupNameError { maxLength }";

    private const string BadUsers = "... on InvalidGroupUsersError { maxUsers } ... on GroupUserNotFoundError { userIds }";

    public static readonly string Create = "mutation($name: String!) { createGroup(input: {name: $name}) { " + Group + Errors(BadName) + " } }";

    public static readonly string Rename = "mutation($id: ID!, $name: String!) { renameGroup(input: {id: $id, name: $name}) { " + Group + Errors(NotFound + BadName) + " } }";

    public static readonly string Delete = "mutation($id: ID!) { deleteGroup(input: {id: $id}) { deletedId" + Errors(NotFound) + " } }";

    public static readonly string Add = "mutation($id: ID!, $userIds: [ID!]!) { addGroupMembers(input: {id: $id, userIds: $userIds}) { "
        + Group + Errors(NotFound + BadUsers + " ... on AlreadyGroupMemberError { userIds }") + " } }";

    public static readonly string Remove = "mutation($id: ID!, $userIds: [ID!]!) { removeGroupMembers(input: {id: $id, userIds: $userIds}) { "
        + Group + Errors(NotFound + BadUsers + " ... on NotGroupMemberError { userIds }") + " } }";

    private static string Errors(string fragments) => " errors { __typename ... on Error { code message } " + fragments + " }";
}
