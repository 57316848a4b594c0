using System.Net.Http.Json;
using System.Text.Json;

namespace Ipp.Graph.Tests.Support;

/// <summary>
/// Two server processes, <see cref="A"/> and <see cref="B"/>, on one PostgreSQL database and one upload folder, as
/// behind a load balancer: started for each test, on PostgreSQL only (their tests are <see cref="PostgreSqlFactAttribute"/>s).
/// </summary>
public abstract class TwoInstances : IAsyncLifetime
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("ipp-graph-tests-").FullName;

    protected TestDatabase Database { get; private set; } = null!;

    protected ServerProcess A { get; private set; } = null!;

    protected ServerProcess B { get; private set; } = null!;

    protected string Uploads => Path.Combine(Folder, "uploads");

    /// <summary>The settings both instances take besides the database, the upload folder, their name and a cheap bcrypt.</summary>
    protected virtual string[] Settings => [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Folder);
        if (TestDatabase.Provider != Ipp.Graph.Data.DatabaseProvider.PostgreSql)
        {
            return;
        }

        A = await StartAsync("a");
        B = await StartAsync("b");
    }

    public async Task DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }

        await Database.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Starts <see cref="A"/> again (after a test killed it), on the same database and folder.</summary>
    protected async Task RestartAAsync()
    {
        await A.DisposeAsync();
        A = await StartAsync("a");
    }

    /// <summary>The response of a GraphQL request to one instance, with the caller's token if any.</summary>
    protected static async Task<JsonElement> ResponseAsync(HttpClient client, string query, object? variables, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The response of a GraphQL request that must have no errors.</summary>
    protected static async Task<JsonElement> PostAsync(HttpClient client, string query, object? variables, string? token)
    {
        var response = await ResponseAsync(client, query, variables, token);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return response;
    }

    private Task<ServerProcess> StartAsync(string instance) =>
        ServerProcess.StartBuiltAsync(
            [Database.Setting, $"--UPLOAD_FOLDER={Uploads}", $"--Server:InstanceId={instance}", "--Accounts:BcryptCost=4", .. Settings]);
}
