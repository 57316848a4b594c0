using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.Sse;

namespace Ipp.Graph.Tests.Authorization;

/// <summary>
/// Two real servers for the authorization tests, with the tests' catalogue: <see cref="Default"/> runs the built-in
/// permission table; on <see cref="Bare"/> being signed in gives nothing and MAINTAINER gives what the contract's fields
/// need (experiments:read, experiments:write, roles:read), so a user whose role is taken away holds no permission at
/// all, yet may own experiments made while they held it.
/// </summary>
public sealed class AccessServers : IAsyncLifetime
{
    /// <summary>The settings of <see cref="Bare"/>.</summary>
    public static readonly string[] BareSettings =
    [
        "--Permissions:SignedIn:0=",
        "--Permissions:Roles:MAINTAINER:0=experiments:read",
        "--Permissions:Roles:MAINTAINER:1=experiments:write",
        "--Permissions:Roles:MAINTAINER:2=roles:read",
    ];

    public RunningServer Default { get; private set; } = null!;

    public RunningServer Bare { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Default = await WriteFixture.StartAsync();
        Bare = await WriteFixture.StartAsync(BareSettings);
    }

    public async Task DisposeAsync()
    {
        await Default.DisposeAsync();
        await Bare.DisposeAsync();
    }

    /// <summary>Signs up a new user (a fresh email), gives them <paramref name="roles"/> as <c>users grant-role</c> stores them, and signs them in.</summary>
    public static async Task<WriteUser> SignUpAsync(RunningServer server, params string[] roles)
    {
        using var http = new GraphQLHttp(server);
        var user = await WriteFixture.SignUpAsync(http, $"{Guid.NewGuid():n}@example.org");
        await SetRolesAsync(server, user, roles);
        return user with { Token = await http.AuthenticateAsync(user.Email) };
    }

    /// <summary>Replaces the user's roles and signs them in again (roles are read at sign-in); the new token.</summary>
    public static async Task<WriteUser> WithRolesAsync(RunningServer server, WriteUser user, params string[] roles)
    {
        await SetRolesAsync(server, user, roles);
        using var http = new GraphQLHttp(server);
        return user with { Token = await http.AuthenticateAsync(user.Email) };
    }

    /// <summary>What a refused request could have changed: every row, and every experiment folder with its files.</summary>
    public static async Task<string> StateAsync(RunningServer server)
    {
        var folders = WriteFixture.ExperimentFolders(server.UploadFolder)
            .SelectMany(folder => Directory.GetFiles(Path.Combine(server.UploadFolder, folder), "*", SearchOption.AllDirectories).Prepend(folder))
            .Order(StringComparer.Ordinal);
        return await server.Database.RowsAsync() + string.Join('\n', folders)
            + "\nincoming: " + string.Join(',', WriteFixture.EntriesOf(server, WriteFixture.Incoming));
    }

    /// <summary>
    /// Subscribes over Server-Sent Events with the token (none: anonymously); once the stream is open, runs
    /// <paramref name="trigger"/>, then returns the first response the subscription sends.
    /// </summary>
    public static async Task<JsonElement> FirstEventAsync(RunningServer server, string query, object? variables, string? token, Func<Task>? trigger = null)
    {
        using var client = server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        await using var stream = await EventStreamReader.OpenAsync(client, request);
        if (trigger is not null)
        {
            await trigger();
        }

        while (await stream.NextAsync() is { } item)
        {
            if (item.Event == "next")
            {
                return JsonDocument.Parse(item.Data!).RootElement.Clone();
            }
        }

        throw new InvalidOperationException("The stream ended without a response.");
    }

    private static async Task SetRolesAsync(RunningServer server, WriteUser user, string[] roles)
    {
        await server.Database.ExecuteAsync("DELETE FROM user_roles WHERE user_id = @id", ("@id", user.Id));
        foreach (var role in roles)
        {
            await server.Database.ExecuteAsync("INSERT INTO user_roles (user_id, role) VALUES (@id, @role)", ("@id", user.Id), ("@role", role));
        }
    }
}
