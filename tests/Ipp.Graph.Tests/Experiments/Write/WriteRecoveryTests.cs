using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>
/// <see cref="StagingRecovery"/>: what a crash left between two steps of a creation or deletion, repaired as at a
/// start (the server's own recovery run on planted leftovers).
/// </summary>
public sealed class WriteRecoveryTests
{
    [Fact]
    public async Task AStagingRowWhoseFolderReachedItsNamespaceIsCompleted()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = await InsertStagingRowAsync(server, ada.Id);
        var folder = FolderOf(server, ada.Id, "submitted", eid);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "experiment.json"), "{}");

        await RecoverAsync(server);

        var row = Assert.Single(await RowsAsync(server));
        Assert.Equal(ExperimentStatus.Submitted, row.Status);
        var created = Assert.Single(await EventsAsync(server));
        Assert.Equal((eid, ExperimentStatus.Submitted, (ExperimentStatus?)null), (created.ExperimentId, created.Status, created.PreviousStatus));
        Assert.Equal([$"{ada.Id}/submitted/{eid}"], ExperimentFolders(server.UploadFolder));
        var shown = await http.PostAsync("query($id: ID!) { node(id: $id) { ... on Experiment { status } } }", new { id = IdOf(eid) }, ada.Token);
        Assert.Equal("SUBMITTED", shown.Data("node").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AStagingRowWithoutAPlacedFolderIsRemovedWithItsFolder()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var halfAssembled = await InsertStagingRowAsync(server, ada.Id);
        var noFolder = await InsertStagingRowAsync(server, ada.Id);
        Directory.CreateDirectory(Path.Combine(server.UploadFolder, Staging, halfAssembled.ToString()));
        File.WriteAllText(Path.Combine(server.UploadFolder, Staging, halfAssembled.ToString(), "scan.nii"), "half");

        await RecoverAsync(server);

        Assert.Empty(await RowsAsync(server));
        Assert.Empty(await EventsAsync(server));
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Empty(ExperimentFolders(server.UploadFolder));
        Assert.NotEqual(halfAssembled, noFolder);
    }

    [Fact]
    public async Task ADeletionCaughtMidwayIsFinished()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = await CreateDraftAsync(http, ada);
        Directory.Move(FolderOf(server, ada.Id, "editing", eid), Path.Combine(server.UploadFolder, Staging, eid + ".deleting"));

        await RecoverAsync(server);

        Assert.Empty(await RowsAsync(server));
        Assert.Empty(EntriesOf(server, Staging));
    }

    [Fact]
    public async Task LeftoversOfStagingAreRemovedAndFinishedExperimentsKept()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var kept = await CreateDraftAsync(http, ada);
        Directory.CreateDirectory(Path.Combine(server.UploadFolder, Staging, "999", "sub"));
        File.WriteAllText(Path.Combine(server.UploadFolder, Staging, "stray.tmp"), "x");

        await RecoverAsync(server);

        Assert.Empty(EntriesOf(server, Staging));
        Assert.Equal([$"{ada.Id}/editing/{kept}"], ExperimentFolders(server.UploadFolder));
        Assert.Equal(ExperimentStatus.Editing, Assert.Single(await RowsAsync(server)).Status);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task TheServerRepairsLeftoversWhenItStarts()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));
        var uploads = Path.Combine(folder, "uploads");
        Directory.CreateDirectory(folder);
        await using var database = await TestDatabase.CreateAsync(folder);
        string[] settings = [database.Setting, $"--UPLOAD_FOLDER={Path.Combine(folder, "uploads")}"];
        try
        {
            long userId;
            long placed;
            long hidden;
            await using (var first = await StartAsync(settings))
            {
                using var http = new GraphQLHttp(first);
                userId = (await SignUpAsync(http, "ada@example.org")).Id;
                placed = await InsertStagingRowAsync(first, userId);
                hidden = await InsertStagingRowAsync(first, userId);
                // RunningServer.UploadFolder names its own folder: these servers use the one of the settings.
                Directory.CreateDirectory(Path.Combine(uploads, userId.ToString(), "editing", placed.ToString()));
                Directory.CreateDirectory(Path.Combine(uploads, Staging, hidden.ToString()));
                File.WriteAllText(Path.Combine(uploads, Incoming, "partial"), "x");
                // What a version from before instances had their own folders left: taken as this instance's own.
                Directory.CreateDirectory(Path.Combine(uploads, ".staging", "12345"));
                Directory.CreateDirectory(Path.Combine(uploads, ".incoming"));
                File.WriteAllText(Path.Combine(uploads, ".incoming", "older"), "x");
                // Another instance's work in flight: not this one's to touch.
                Directory.CreateDirectory(Path.Combine(uploads, ".instances", "other", "incoming"));
                File.WriteAllText(Path.Combine(uploads, ".instances", "other", "incoming", "theirs"), "x");
            }

            await using var second = await StartAsync(settings);

            Assert.Equal([(placed, ExperimentStatus.Editing)], (await RowsAsync(second)).Select(r => (r.Id, r.Status)));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(uploads, Staging)));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(uploads, Incoming)));
            Assert.False(Directory.Exists(Path.Combine(uploads, ".staging")));
            Assert.False(Directory.Exists(Path.Combine(uploads, ".incoming")));
            Assert.True(File.Exists(Path.Combine(uploads, ".instances", "other", "incoming", "theirs")));
            Assert.Equal([$"{userId}/editing/{placed}"], ExperimentFolders(uploads));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task RecoverAsync(RunningServer server) =>
        server.Services.GetRequiredService<StagingRecovery>().RecoverAsync(CancellationToken.None);

    /// <summary>A row as the first step of a creation leaves it: Staging, hidden.</summary>
    private static async Task<long> InsertStagingRowAsync(RunningServer server, long userId)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<IppDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var experiment = new Experiment
        {
            UserId = userId,
            ApplicationKey = "demo",
            Name = "Interrupted",
            ParametersJson = "{}",
            Status = ExperimentStatus.Staging,
            StatusChangedAt = now,
            CreatedAt = now,
            StoredBytes = 4,
            Inputs = [new ExperimentInput { Parameter = "images", StoredName = "scan.nii", OriginalName = "scan.nii", Size = 4 }],
        };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return experiment.Id;
    }
}
