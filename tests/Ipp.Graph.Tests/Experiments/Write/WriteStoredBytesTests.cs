using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>
/// The per-user quota (<c>Experiments:MaxUserBytes</c>) counts everything a user makes the server store: the files,
/// experiment.json on the disk and the texts of the row (name, description, parameters), with or without files.
/// </summary>
public sealed class WriteStoredBytesTests
{
    private const long Quota = 10 * 1024 * 1024;

    [Fact]
    public async Task DraftsWithoutFilesStopAtTheQuota()
    {
        await using var server = await StartAsync($"--Experiments:MaxUserBytes={Quota}");
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var notes = new string('x', 1_000_000);

        var responses = new List<GraphQLResponse>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await CreateAsync(http, ada, new { application = "demo", name = $"Draft {i}", parameters = new { notes }, draft = true }));
        }

        // Each draft stores its megabyte twice (in the database and in experiment.json): five fit in 10 MiB.
        var codes = responses.Select(response => response.Data("createExperiment").GetProperty("errors") is { ValueKind: JsonValueKind.Array } ? response.PayloadErrorCode("createExperiment") : "created");
        Assert.Equal([.. Enumerable.Repeat("created", 5), .. Enumerable.Repeat("QUOTA_EXCEEDED", 5)], codes);
        var rows = await RowsAsync(server);
        var manifests = rows.Sum(row => new FileInfo(Path.Combine(FolderOf(server, ada.Id, "editing", row.Id), "experiment.json")).Length);
        var texts = rows.Sum(row => Encoding.UTF8.GetByteCount(row.Name + row.ParametersJson));
        Assert.InRange(manifests + texts, 5 * 2_000_000, Quota);
        var used = rows.Sum(row => row.StoredBytes);
        foreach (var refused in responses.Skip(5))
        {
            var error = refused.PayloadError("createExperiment");
            Assert.Equal(Quota, error.GetProperty("maxBytes").GetInt64());
            Assert.Equal(used, error.GetProperty("usedBytes").GetInt64());
            Assert.InRange(error.GetProperty("requestedBytes").GetInt64(), 2_000_000, 2_001_000);
        }

        Assert.Equal(5, ExperimentFolders(server.UploadFolder).Count);
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task AnExperimentCountsItsFilesItsManifestAndItsTexts()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await SignUpAsync(http, "ada@example.org");

        var response = await WriteMultipart.CreateAsync(
            client,
            ada.Token,
            new { application = "demo", name = "Scans é", description = "Two files", parameters = new { notes = "ünïcode", threshold = 3 }, draft = true },
            new("images", "scan.nii", new byte[1234]),
            new("t1", "t1 ✓.nii", new byte[99]));

        var eid = EidOf(response.Data("createExperiment").GetProperty("experiment"));
        var row = Assert.Single(await RowsAsync(server));
        var folder = FolderOf(server, ada.Id, "editing", eid);
        Assert.Equal(StoredBytesOf(row, folder), row.StoredBytes);
        Assert.True(row.StoredBytes > 1234 + 99 + new FileInfo(Path.Combine(folder, "experiment.json")).Length);
    }

    [Fact]
    public async Task DeletingFreesWhatWasCounted()
    {
        // A draft with 300,000 bytes of notes stores about 600,000 bytes: one fits in 1 MB, two do not.
        await using var server = await StartAsync("--Experiments:MaxUserBytes=1000000");
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var input = new { application = "demo", name = "Notes", parameters = new { notes = new string('x', 300_000) }, draft = true };
        var first = EidOf((await CreateAsync(http, ada, input)).Data("createExperiment").GetProperty("experiment"));
        Assert.Equal("QUOTA_EXCEEDED", (await CreateAsync(http, ada, input)).PayloadErrorCode("createExperiment"));

        await http.PostAsync(Delete, new { id = IdOf(first) }, ada.Token);
        var again = await CreateAsync(http, ada, input);

        Assert.Equal("EDITING", again.Data("createExperiment").GetProperty("experiment").GetProperty("status").GetString());
        Assert.Single(await RowsAsync(server));
    }

    [Fact]
    public async Task TheTransportRefusesFilesOverWhatDraftsLeaveOfTheQuota()
    {
        await using var server = await StartAsync("--Experiments:MaxUserBytes=20000");
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await SignUpAsync(http, "ada@example.org");
        await CreateAsync(http, ada, new { application = "demo", name = "Notes", parameters = new { notes = new string('x', 6000) }, draft = true });
        var left = 20000 - Assert.Single(await RowsAsync(server)).StoredBytes;

        var response = await WriteMultipart.CreateAsync(
            client, ada.Token, new { application = "demo", name = "Scans" }, new WriteMultipart.FilePart("images", "big.bin", new byte[left + 1]));

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("QUOTA_EXCEEDED", response.ErrorCode);
        Assert.Equal($"The files are larger than the {left} bytes you may still upload.", response.ErrorMessage);
        Assert.Single(await RowsAsync(server));
        Assert.Empty(EntriesOf(server, Incoming));
    }
}
