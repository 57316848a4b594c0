using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Images;

/// <summary>A real server for the image tests (SQLite, or PostgreSQL with <c>IPP_TEST_POSTGRES</c>): at most 5 parameters per image.</summary>
public sealed class ImageServers : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await AccountsServer.StartAsync("--Images:MaxParameters=5");

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();

    /// <summary>A new user holding <paramref name="roles"/>, signed in.</summary>
    public Task<WriteUser> SignUpAsync(params string[] roles) => AccessServers.SignUpAsync(Server, roles);

    /// <summary>Runs an operation on the server as <paramref name="user"/> (null: anonymously).</summary>
    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, WriteUser? user = null)
    {
        using var http = new GraphQLHttp(Server);
        return await http.PostAsync(query, variables, user?.Token);
    }

    /// <summary>Creates an image as <paramref name="maintainer"/>; the image as <see cref="ImageOperations.Image"/> selects it.</summary>
    public async Task<JsonElement> CreateAsync(WriteUser maintainer, string name, string path, string[]? roles = null, object[]? parameters = null)
    {
        var response = await PostAsync(ImageOperations.Create, new { name, path, roles = roles ?? [], parameters = parameters ?? [] }, maintainer);
        var payload = response.Data("createImage");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        return payload.GetProperty("image");
    }

    /// <summary>A name no other test uses.</summary>
    public static string Unique(string name) => $"{name} {Guid.NewGuid():n}";

    /// <summary>A docker:// path no other test uses.</summary>
    public static string UniquePath() => $"docker://registry.example.org/lab/{Guid.NewGuid():n}:1.0";
}

/// <summary>The image operations the tests send, each selecting every field of its payload and of its errors.</summary>
public static class ImageOperations
{
    public const string Image = "id name path roles version createdAt updatedAt parameters { name type label help required group default min max choices { value label } }";

    private const string NotFound = "... on ImageNotFoundError { id }";

    private const string BadName = " ... on InvalidImageNameError { maxLength }";

    private const string BadPath = " ... on InvalidImagePathError { maxLength schemes }";

    private const string BadParameters = " ... on InvalidImageParametersError { problems { parameter code message } }";

    public static readonly string Create = "mutation($name: String!, $path: String!, $roles: [Role!]!, $parameters: [ImageParameterInput!]!) "
        + "{ createImage(input: {name: $name, path: $path, roles: $roles, parameters: $parameters}) { image { " + Image + " }" + Errors(BadName + BadPath + BadParameters) + " } }";

    public static readonly string Rename = "mutation($id: ID!, $name: String!) { renameImage(input: {id: $id, name: $name}) { image { " + Image + " }" + Errors(NotFound + BadName) + " } }";

    public static readonly string SetRoles = "mutation($id: ID!, $roles: [Role!]!) { setImageRoles(input: {id: $id, roles: $roles}) { image { " + Image + " }" + Errors(NotFound) + " } }";

    public static readonly string SetParameters = "mutation($id: ID!, $parameters: [ImageParameterInput!]!) "
        + "{ setImageParameters(input: {id: $id, parameters: $parameters}) { image { " + Image + " }" + Errors(NotFound + BadParameters) + " } }";

    public static readonly string Delete = "mutation($id: ID!) { deleteImage(input: {id: $id}) { deletedId" + Errors(NotFound) + " } }";

    public const string Node = "query($id: ID!) { node(id: $id) { ... on ContainerImage { " + Image + " } } }";

    public const string List = "query($where: ContainerImageFilterInput, $order: [ContainerImageSortInput!], $first: Int, $after: String) "
        + "{ images(where: $where, order: $order, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }";

    private static string Errors(string fragments) => " errors { __typename ... on Error { code message } " + fragments + " }";
}
