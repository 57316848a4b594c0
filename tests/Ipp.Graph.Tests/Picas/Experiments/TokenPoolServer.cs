using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Library;
using Ipp.Graph.Tests.Support;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Picas.Experiments;

/// <summary>
/// A pouchdb-server pool (kept in a folder, so it can stop and start) and a real server using it with a local blob
/// store (so a job's <c>IPP_OUTPUT</c> is a folder the stand-in container runtime writes to) and the tests'
/// catalogue (<see cref="WriteFixture.CataloguePath"/>), with the helpers the
/// tests of experiments on images share: a maintainer's image, a researcher's library file and tag, the experiment,
/// its subscription and the real pilot.
/// </summary>
public sealed class TokenPoolServer : IAsyncDisposable
{
    public const string ExperimentFields =
        "id name status tokenState tokenDelivery { attempts lastFailure nextAttemptAt } runsThrough applicationKey parameters tags { id name } "
        + "inputs { name parameter size downloadUrl libraryEntry { name } } outputs { name } "
        + "outputEntry { id name kind fileCount tags { name } } logs { name text truncated }";

    public const string Create =
        "mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { " + ExperimentFields + " } errors { __typename "
        + "... on Error { code message } ... on InvalidParametersError { problems { field message } } ... on UploadNotAcceptedError { parameter } } } }";

    public const string Submit =
        "mutation($id: ID!) { submitExperiment(input: {id: $id}) { experiment { " + ExperimentFields + " } errors { __typename ... on Error { code message } } } }";

    public const string Read = "query($id: ID!) { node(id: $id) { ... on Experiment { " + ExperimentFields + " } } }";

    /// <summary>The parameters of the tests' image: a required text, a number with a range, and files.</summary>
    public static readonly object[] Parameters =
    [
        new { name = "text", type = "STRING", required = true, max = 200 },
        new { name = "count", type = "INTEGER", @default = 1, min = 1, max = 10 },
        new { name = "data", type = "ATTACHMENT", min = 0, max = 2 },
    ];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private TokenPoolServer(PouchDbServer pool, RunningServer server)
    {
        Pool = pool;
        Server = server;
    }

    public PouchDbServer Pool { get; }

    public RunningServer Server { get; }

    /// <summary>Starts a pool and a server on it (quick retries and feed), waiting until the server set the pool up.</summary>
    public static async Task<TokenPoolServer> StartAsync(params string[] settings)
    {
        var pool = await PouchDbServer.StartAsync();
        try
        {
            var server = await AccountsServer.StartAsync(
            [
                .. PicasTestPool.Settings(pool.Url, password: null),
                "--Picas:OutboxPollInterval=00:00:00.200",
                "--Picas:RetryDelay=00:00:00.100",
                "--Picas:OutboxMaxRetryDelay=00:00:01",
                "--Picas:ChangesWait=00:00:01",
                "--Picas:ReconcileInterval=00:00:00",
                "--Experiments:CreateRateLimit:PermitLimit=1000",
                $"--Applications:CatalogPath={WriteFixture.CataloguePath}",
                .. settings,
            ]);
            await PicasTestPool.WaitUntilReadyAsync(server);
            return new TokenPoolServer(pool, server);
        }
        catch
        {
            await pool.DisposeAsync();
            throw;
        }
    }

    public Task<WriteUser> SignUpAsync(params string[] roles) => AccessServers.SignUpAsync(Server, roles);

    public async Task<GraphQLResponse> PostAsync(string query, object? variables, WriteUser user)
    {
        using var http = new GraphQLHttp(Server);
        return await http.PostAsync(query, variables, user.Token);
    }

    /// <summary>A new image with <see cref="Parameters"/> that AI_RESEARCHERs may use; its global id.</summary>
    public async Task<string> CreateImageAsync(WriteUser maintainer, string path = "/images/tool.sif")
    {
        var response = await PostAsync(
            "mutation($name: String!, $path: String!, $parameters: [ImageParameterInput!]!) { createImage(input: {name: $name, path: $path, roles: [AI_RESEARCHER], parameters: $parameters}) { image { id } errors { __typename } } }",
            new { name = $"tool {Guid.NewGuid():n}", path = path.Replace("tool", $"tool-{Guid.NewGuid():n}", StringComparison.Ordinal), parameters = Parameters },
            maintainer);
        return response.Data("createImage").GetProperty("image").GetProperty("id").GetString()!;
    }

    /// <summary>Uploads one file to <paramref name="user"/>'s library; the entry's global id.</summary>
    public async Task<string> UploadAsync(WriteUser user, string name, string content)
    {
        var response = await LibraryUploads.UploadAsync(Server, user, LibraryUploads.FilePart.Text(name, content));
        return LibraryUploads.Entries(response)[0].GetProperty("id").GetString()!;
    }

    /// <summary>Makes one of <paramref name="user"/>'s own tags; its global id.</summary>
    public async Task<string> CreateTagAsync(WriteUser user, string name)
    {
        var response = await PostAsync("mutation($name: String!) { createTag(input: {name: $name}) { tag { id } } }", new { name }, user);
        return response.Data("createTag").GetProperty("tag").GetProperty("id").GetString()!;
    }

    /// <summary>createExperiment on <paramref name="image"/>; the whole payload.</summary>
    public async Task<JsonElement> CreateExperimentAsync(
        WriteUser user, string image, object parameters, string? entry = null, string[]? tags = null, bool draft = false, string name = "run")
    {
        var files = entry is null ? Array.Empty<object>() : [new { parameter = "data", libraryEntry = entry }];
        var response = await PostAsync(Create, new { input = new { application = image, name, parameters, files, tags = tags ?? [], draft } }, user);
        return response.Data("createExperiment");
    }

    /// <summary>A created experiment's global id; fails when the payload has errors.</summary>
    public static string IdOf(JsonElement payload)
    {
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("errors").ValueKind);
        return payload.GetProperty("experiment").GetProperty("id").GetString()!;
    }

    /// <summary>The experiment as its owner reads it.</summary>
    public async Task<JsonElement> ReadAsync(WriteUser user, string id) => (await PostAsync(Read, new { id }, user)).Data("node");

    /// <summary>Reads the experiment until <paramref name="done"/> holds for it; fails after a minute.</summary>
    public async Task<JsonElement> WaitForAsync(WriteUser user, string id, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var experiment = await ReadAsync(user, id);
            if (done(experiment))
            {
                return experiment;
            }

            Assert.True(DateTime.UtcNow < deadline, "Not there in time: " + experiment.GetRawText());
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the pool holds the experiment's token (its token state IN_POOL).</summary>
    public Task<JsonElement> InPoolAsync(WriteUser user, string id) =>
        WaitForAsync(user, id, experiment => experiment.GetProperty("tokenState").GetString() == "IN_POOL");

    /// <summary>
    /// Subscribes over a WebSocket to the experiment's status changes from its first (the creation event replayed),
    /// and gives each event until one with a final status (COMPLETED or FAILED), running <paramref name="meanwhile"/>
    /// once the subscription is open.
    /// </summary>
    public async Task<List<JsonElement>> EventsUntilEndAsync(WriteUser user, string id, Func<Task> meanwhile)
    {
        await using var socket = await TestSocket.InitialisedAsync(Server, $$"""{"authorization":"Bearer {{user.Token}}"}""");
        var subscribe = new
        {
            id = "s",
            type = "subscribe",
            payload = new
            {
                query = "subscription($id: ID, $after: String) { experimentStatusChanged(id: $id, after: $after) { status previousStatus reason } }",
                variables = new { id, after = EventCursor.Encode(0) },
            },
        };
        await socket.SendAsync(JsonSerializer.Serialize(subscribe));
        var work = meanwhile();
        var events = new List<JsonElement>();
        while (true)
        {
            var message = await socket.ReceiveJsonAsync();
            if (message.GetProperty("type").GetString() is "ping" or "pong")
            {
                continue;
            }

            Assert.Equal("next", message.GetProperty("type").GetString());
            var change = message.GetProperty("payload").GetProperty("data").GetProperty("experimentStatusChanged");
            events.Add(change);
            if (change.GetProperty("status").GetString() is "COMPLETED" or "FAILED")
            {
                await work;
                return events;
            }
        }
    }

    /// <summary>Runs the real pilot on the pool (its job's records in <paramref name="records"/>).</summary>
    public Task<PicasPilot.Run> RunPilotAsync(int jobExitCode = 0, bool crashMidway = false, string? records = null, int maxTasks = 0) =>
        PicasPilot.RunAsync(Pool, PicasTestPool.Database, maxTasks, jobExitCode, crashMidway, records);

    /// <summary>The token of the experiment <paramref name="id"/> as the pool holds it.</summary>
    public async Task<JsonObject> TokenAsync(string tokenId)
    {
        using var http = Pool.Client();
        return (await http.GetFromJsonAsync<JsonObject>($"{PicasTestPool.Database}/{tokenId}"))!;
    }

    /// <summary>The token id of an experiment's global id.</summary>
    public static string TokenIdOf(string experimentId) =>
        Ipp.Graph.Experiments.Tokens.ExperimentTokens.TokenId(DecodeExperiment(experimentId));

    public static long DecodeExperiment(string id) =>
        Ipp.Graph.GraphQL.GlobalId.TryDecode(id, "Experiment", out var key) ? key : throw new ArgumentException(id);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Pool.DisposeAsync();
    }
}
