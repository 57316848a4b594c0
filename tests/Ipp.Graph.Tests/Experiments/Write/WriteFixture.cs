using System.Globalization;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Accounts;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>A signed-up user of a running server: their token and database id.</summary>
public sealed record WriteUser(string Email, string Token, long Id);

/// <summary>What the experiment-writing tests share: a real server, users signed up over GraphQL, and looks at its folders and rows.</summary>
public static class WriteFixture
{
    public const string Create =
        "mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { experiment { id name description applicationKey status parameters createdAt statusChangedAt owner { email } } "
        + "errors { __typename ... on Error { code message } ... on InvalidParametersError { problems { field message } } ... on ApplicationUnknownError { application } "
        + "... on QuotaExceededError { maxBytes usedBytes requestedBytes } ... on ExperimentLimitReachedError { maxExperiments } ... on RateLimitedError { retryAfter } } } }";

    public const string Submit =
        "mutation($id: ID!) { submitExperiment(input: {id: $id}) { experiment { id status statusChangedAt } "
        + "errors { __typename ... on Error { code message } ... on ExperimentNotFoundError { id } ... on ExperimentNotEditableError { status } } } }";

    public const string Delete =
        "mutation($id: ID!) { deleteExperiment(input: {id: $id}) { deletedId "
        + "errors { __typename ... on Error { code message } ... on ExperimentNotFoundError { id } ... on ExperimentBusyError { status } } } }";

    /// <summary>
    /// The tests' catalogue: <c>demo</c>, whose parameters are all optional (so experiments need no files), whose
    /// <c>notes</c> take text of any length and whose attachments take any number of files.
    /// </summary>
    public const string Catalogue = """
        [{"appKey": "demo", "label": "Demo", "description": "<p>For tests.</p>", "fieldGroups": {"main": {"label": "Main", "open": true, "fields": {
          "experimentName": {"type": "string", "label": "Name", "required": true},
          "experimentDescription": {"type": "string", "label": "Description"},
          "threshold": {"type": "integer", "label": "Threshold", "min": 1, "max": 10},
          "mode": {"type": "select", "label": "Mode", "choices": {"fast": "Fast", "exact": "Exact"}},
          "ratio": {"type": "float", "label": "Ratio"},
          "notes": {"type": "string", "label": "Notes"},
          "images": {"type": "attachment", "label": "Images"},
          "t1": {"type": "attachment", "label": "T1"},
          "flair": {"type": "attachment", "label": "FLAIR"}}}}}]
        """;

    private static readonly Lazy<string> CatalogueFile = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", $"write-catalogue-{Guid.NewGuid():n}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Catalogue);
        return path;
    });

    /// <summary>The tests' catalogue, written to a temporary file once per test run.</summary>
    public static string CataloguePath => CatalogueFile.Value;

    /// <summary>Starts the server as the accounts tests do (cheap bcrypt) with the tests' catalogue, and extra settings.</summary>
    public static Task<RunningServer> StartAsync(params string[] settings) =>
        AccountsServer.StartAsync([$"--Applications:CatalogPath={CataloguePath}", .. settings]);

    /// <summary>Signs a user up over GraphQL.</summary>
    public static async Task<WriteUser> SignUpAsync(GraphQLHttp http, string email)
    {
        var token = await http.CreateUserAsync(email);
        var me = await http.PostAsync("{ me { id } }", token: token);
        Assert.True(GlobalId.TryDecode(me.Data("me").GetProperty("id").GetString()!, "User", out var id));
        return new WriteUser(email, token, id);
    }

    /// <summary>The user as the server's resolvers see them (their token's caller), to call its services directly.</summary>
    public static async Task<SignedInCaller> CallerAsync(RunningServer server, WriteUser user)
    {
        var principal = await server.Services.GetRequiredService<ICallerAuthenticator>().AuthenticateAsync(user.Token, CancellationToken.None);
        Assert.True(SignedInCaller.TryRead(principal, out var caller));
        return caller;
    }

    /// <summary>Creates an experiment without files over GraphQL; the response.</summary>
    public static Task<GraphQLResponse> CreateAsync(GraphQLHttp http, WriteUser user, object input) =>
        http.PostAsync(Create, new { input }, user.Token);

    /// <summary>Creates a draft without files; the experiment's eid.</summary>
    public static async Task<long> CreateDraftAsync(GraphQLHttp http, WriteUser user, string name = "A draft")
    {
        var response = await CreateAsync(http, user, new { application = "demo", name, draft = true });
        return EidOf(response.Data("createExperiment").GetProperty("experiment"));
    }

    public static long EidOf(JsonElement experiment)
    {
        Assert.True(GlobalId.TryDecode(experiment.GetProperty("id").GetString()!, "Experiment", out var eid));
        return eid;
    }

    public static string IdOf(long eid) => GlobalId.Encode("Experiment", eid);

    /// <summary><c>&lt;uploads&gt;/&lt;uid&gt;/&lt;namespace&gt;/&lt;eid&gt;</c>.</summary>
    public static string FolderOf(RunningServer server, long userId, string ns, long eid) =>
        Path.Combine(server.UploadFolder, userId.ToString(CultureInfo.InvariantCulture), ns, eid.ToString(CultureInfo.InvariantCulture));

    /// <summary>Every experiment folder under any user's namespaces: <c>uid/namespace/eid</c>.</summary>
    public static List<string> ExperimentFolders(string uploadFolder)
    {
        var found = new List<string>();
        foreach (var user in Directory.GetDirectories(uploadFolder))
        {
            if (Path.GetFileName(user).StartsWith('.'))
            {
                continue;
            }

            foreach (var ns in Directory.GetDirectories(user))
            {
                foreach (var experiment in Directory.GetFileSystemEntries(ns))
                {
                    found.Add(Path.GetRelativePath(uploadFolder, experiment).Replace('\\', '/'));
                }
            }
        }

        return found;
    }

    /// <summary>The test server's staging folder, relative to the uploads root.</summary>
    public const string Staging = ".instances/" + RunningServer.InstanceId + "/staging";

    /// <summary>The test server's incoming folder, relative to the uploads root.</summary>
    public const string Incoming = ".instances/" + RunningServer.InstanceId + "/incoming";

    /// <summary>Everything in a folder of the uploads root (<see cref="Staging"/>, <see cref="Incoming"/>), by name.</summary>
    public static string[] EntriesOf(RunningServer server, string folder) =>
        Directory.Exists(Path.Combine(server.UploadFolder, folder))
            ? Directory.GetFileSystemEntries(Path.Combine(server.UploadFolder, folder)).Select(entry => Path.GetFileName(entry)).ToArray()
            : [];

    public static async Task<List<Experiment>> RowsAsync(RunningServer server)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        return await db.Experiments.AsNoTracking().Include(e => e.Inputs).OrderBy(e => e.Id).ToListAsync();
    }

    public static async Task<List<ExperimentEvent>> EventsAsync(RunningServer server)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        return await db.ExperimentEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>
    /// What an experiment stores, as the quota counts it: its files, its experiment.json as on the disk in
    /// <paramref name="folder"/>, and the UTF-8 bytes of the texts of its row and inputs (library entries' names included).
    /// </summary>
    public static long StoredBytesOf(Experiment row, string folder) =>
        new FileInfo(Path.Combine(folder, "experiment.json")).Length
        + Utf8(row.ApplicationKey) + Utf8(row.Name) + Utf8(row.Description) + Utf8(row.ParametersJson)
        + row.Inputs.Sum(input => input.Size + Utf8(input.Parameter) + Utf8(input.StoredName) + Utf8(input.OriginalName) + Utf8(input.LibraryEntryName));

    private static long Utf8(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);
}
