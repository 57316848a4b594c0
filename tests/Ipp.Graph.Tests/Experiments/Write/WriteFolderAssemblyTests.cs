using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.Experiments.Write.Errors;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>
/// The experiment folder assembled from stored uploads (real files in <c>.incoming</c>, as the multipart transport
/// leaves them), through the server's <see cref="ExperimentWriter"/>: safe unique names, experiment.json, the quota,
/// and a failure midway (a full disk) leaving nothing.
/// </summary>
public sealed class WriteFolderAssemblyTests
{
    [Fact]
    public async Task FilesAreMovedInUnderSafeUniqueNamesAndListedInTheManifest()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        WriteTestUpload[] uploads =
        [
            WriteTestUpload.Create(server.UploadFolder, "scan.nii", "first scan"),
            WriteTestUpload.Create(server.UploadFolder, "scan.nii", "second scan"),
            WriteTestUpload.Create(server.UploadFolder, "../../x", "escape"),
            WriteTestUpload.Create(server.UploadFolder, "experiment.json", "{\"fake\":true}"),
            WriteTestUpload.Create(server.UploadFolder, "..", "dots"),
        ];

        var experiment = await CreateAsync(server, ada, uploads, draft: false);

        var folder = FolderOf(server, ada.Id, "submitted", experiment.Id);
        Assert.Equal(
            ["experiment (2).json", "experiment.json", "file", "scan (2).nii", "scan.nii", "x"],
            Directory.GetFileSystemEntries(folder).Select(entry => Path.GetFileName(entry)).Order(StringComparer.Ordinal));
        Assert.Equal("first scan", File.ReadAllText(Path.Combine(folder, "scan.nii")));
        Assert.Equal("second scan", File.ReadAllText(Path.Combine(folder, "scan (2).nii")));
        Assert.Equal("escape", File.ReadAllText(Path.Combine(folder, "x")));
        Assert.Equal("{\"fake\":true}", File.ReadAllText(Path.Combine(folder, "experiment (2).json")));
        Assert.Equal("dots", File.ReadAllText(Path.Combine(folder, "file")));
        Assert.False(File.Exists(Path.Combine(server.UploadFolder, "x")));
        Assert.Empty(EntriesOf(server, Incoming));
        Assert.Empty(EntriesOf(server, Staging));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "experiment.json")));
        Assert.Equal(
            """[{"parameter":"images","name":"scan.nii","originalName":"scan.nii","size":10},{"parameter":"images","name":"scan (2).nii","originalName":"scan.nii","size":11},{"parameter":"images","name":"x","originalName":"../../x","size":6},{"parameter":"images","name":"experiment (2).json","originalName":"experiment.json","size":13},{"parameter":"images","name":"file","originalName":"..","size":4}]""",
            JsonSerializer.Serialize(manifest.RootElement.GetProperty("files")));
        var row = Assert.Single(await RowsAsync(server));
        Assert.Equal(44, row.Inputs.Sum(input => input.Size));
        Assert.Equal(StoredBytesOf(row, folder), row.StoredBytes);
        Assert.Equal(
            ["scan.nii", "scan (2).nii", "x", "experiment (2).json", "file"],
            row.Inputs.OrderBy(i => i.Id).Select(i => i.StoredName));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task OneFileGivenForTwoParametersIsStoredTwice()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var upload = WriteTestUpload.Create(server.UploadFolder, "t1.nii", "brain");

        var experiment = await CreateAsync(server, ada, [new ExperimentFileInput("t1", upload), new ExperimentFileInput("flair", upload)]);

        var folder = FolderOf(server, ada.Id, "editing", experiment.Id);
        Assert.Equal("brain", File.ReadAllText(Path.Combine(folder, "t1.nii")));
        Assert.Equal("brain", File.ReadAllText(Path.Combine(folder, "t1 (2).nii")));
        var row = Assert.Single(await RowsAsync(server));
        Assert.Equal(10, row.Inputs.Sum(input => input.Size));
        Assert.Equal(StoredBytesOf(row, folder), row.StoredBytes);
    }

    [Fact]
    public async Task AFullDiskMidwayLeavesNeitherFolderNorRowAndIsStorageUnavailable()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var moved = WriteTestUpload.Create(server.UploadFolder, "a.nii", "moved first");
        var failing = WriteTestUpload.Create(server.UploadFolder, "b.nii", "cannot move", failMove: true);

        var failure = await Assert.ThrowsAsync<GraphQLError>(() => CreateAsync(server, ada, [moved, failing]));

        Assert.Equal("STORAGE_UNAVAILABLE", failure.Extensions!["code"]);
        Assert.Equal("The server cannot store files right now. Please try again later.", failure.Message);
        Assert.Empty(ExperimentFolders(server.UploadFolder));
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Empty(await RowsAsync(server));
        Assert.Empty(await EventsAsync(server));
        // The file not moved is still the transport's, which deletes it when the request ends.
        Assert.Equal([Path.GetFileName(failing.Path)], EntriesOf(server, Incoming));
        var logged = Assert.Single(server.Logs.ServerWarnings);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Null(logged.Exception);
        Assert.StartsWith($"The server cannot store files: could not move an upload to {server.UploadFolder}/{Staging}/", logged.Message);
        Assert.EndsWith("b.nii: No space left on device : '/dev/full'", logged.Message);
    }

    [Fact]
    public async Task TheQuotaCountsEveryExperimentAndDeletingFreesIt()
    {
        // One experiment with a 400-byte file stores about 800 bytes with its experiment.json and texts: two do not fit.
        await using var server = await StartAsync("--Experiments:MaxUserBytes=1000");
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var bob = await SignUpAsync(http, "bob@example.org");
        var content = new string('x', 400);

        var tooBig = WriteTestUpload.Create(server.UploadFolder, "big.nii", new string('x', 1000));
        var refused = Assert.IsType<QuotaExceededError>((await Assert.ThrowsAsync<MutationException>(() => CreateAsync(server, ada, [tooBig]))).Error);
        Assert.Equal("QUOTA_EXCEEDED", refused.Code);
        var requested = refused.RequestedBytes;
        Assert.InRange(requested, 1001, 2000);
        Assert.Equal((1000L, 0L), (refused.MaxBytes, refused.UsedBytes));
        Assert.Equal(
            $"This experiment (its files, experiment.json and its texts) needs {requested} bytes, which would take what you store over your quota of 1000 bytes (0 bytes already used). Delete experiments or library entries you no longer need.",
            refused.Message);
        Assert.Empty(await RowsAsync(server));
        Assert.Empty(ExperimentFolders(server.UploadFolder));
        Assert.True(File.Exists(tooBig.Path));

        var first = await CreateAsync(server, ada, [WriteTestUpload.Create(server.UploadFolder, "a.nii", content)]);
        var second = Assert.IsType<QuotaExceededError>((await Assert.ThrowsAsync<MutationException>(() => CreateAsync(server, ada, [WriteTestUpload.Create(server.UploadFolder, "b.nii", content)]))).Error);
        Assert.Equal(first.StoredBytes, second.UsedBytes);
        Assert.Equal(first.StoredBytes, second.RequestedBytes);
        // Another user's quota is their own.
        await CreateAsync(server, bob, [WriteTestUpload.Create(server.UploadFolder, "b.nii", content)]);

        await http.PostAsync(Delete, new { id = IdOf(first.Id) }, ada.Token);
        await CreateAsync(server, ada, [WriteTestUpload.Create(server.UploadFolder, "c.nii", content)]);

        Assert.Equal(2, (await RowsAsync(server)).Count);
    }

    [Fact]
    public async Task CreationsSideBySideCannotTogetherPassTheQuota()
    {
        await using var server = await StartAsync("--Experiments:MaxUserBytes=1000");
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var uploads = Enumerable.Range(0, 6).Select(i => WriteTestUpload.Create(server.UploadFolder, $"{i}.nii", new string('x', 400))).ToList();

        var attempts = uploads.Select(upload => Task.Run(async () =>
        {
            try
            {
                await CreateAsync(server, ada, [upload]);
                return "created";
            }
            catch (MutationException refused)
            {
                return refused.Error.Code;
            }
        })).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == "created"));
        Assert.Equal(5, outcomes.Count(o => o == "QUOTA_EXCEEDED"));
        Assert.InRange(Assert.Single(await RowsAsync(server)).StoredBytes, 401, 1000);
    }

    private static Task<Experiment> CreateAsync(RunningServer server, WriteUser user, WriteTestUpload[] uploads, bool draft = true) =>
        CreateAsync(server, user, uploads.Select(upload => new ExperimentFileInput("images", upload)).ToList(), draft);

    private static async Task<Experiment> CreateAsync(RunningServer server, WriteUser user, List<ExperimentFileInput> files, bool draft = true) =>
        await server.Services.GetRequiredService<ExperimentWriter>().CreateAsync(
            await CallerAsync(server, user), new CreateExperimentInput("demo", "Scans", null, null, files, draft), CancellationToken.None);
}
