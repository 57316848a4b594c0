using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Write;

/// <summary>createExperiment with files through the real multipart transport: names, contents, refusals leaving nothing.</summary>
public sealed class WriteUploadTests
{
    [Fact]
    public async Task TwoFilesWithOneNameBothSurviveAndPathsBecomeSafeNames()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await SignUpAsync(http, "ada@example.org");

        var response = await WriteMultipart.CreateAsync(
            client,
            ada.Token,
            new { application = "demo", name = "Scans", draft = true },
            new("images", "scan.nii", Encoding.UTF8.GetBytes("first")),
            new("images", "scan.nii", Encoding.UTF8.GetBytes("second")),
            new("t1", "../../x", Encoding.UTF8.GetBytes("escape")));

        var eid = EidOf(response.Data("createExperiment").GetProperty("experiment"));
        var folder = FolderOf(server, ada.Id, "editing", eid);
        Assert.Equal(
            ["experiment.json", "scan (2).nii", "scan.nii", "x"],
            Directory.GetFileSystemEntries(folder).Select(entry => Path.GetFileName(entry)).Order(StringComparer.Ordinal));
        Assert.Equal("first", File.ReadAllText(Path.Combine(folder, "scan.nii")));
        Assert.Equal("second", File.ReadAllText(Path.Combine(folder, "scan (2).nii")));
        Assert.Equal("escape", File.ReadAllText(Path.Combine(folder, "x")));
        Assert.False(File.Exists(Path.Combine(server.UploadFolder, "x")));
        Assert.False(File.Exists(Path.Combine(server.UploadFolder, ada.Id.ToString(), "x")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "experiment.json")));
        Assert.Equal(
            """[{"parameter":"images","name":"scan.nii","originalName":"scan.nii","size":5},{"parameter":"images","name":"scan (2).nii","originalName":"scan.nii","size":6},{"parameter":"t1","name":"x","originalName":"../../x","size":6}]""",
            JsonSerializer.Serialize(manifest.RootElement.GetProperty("files")));
        Assert.Empty(EntriesOf(server, Incoming));
        Assert.Empty(EntriesOf(server, Staging));
        var row = Assert.Single(await RowsAsync(server));
        Assert.Equal(17, row.Inputs.Sum(input => input.Size));
        Assert.Equal(StoredBytesOf(row, folder), row.StoredBytes);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task AFileForNoAttachmentLeavesNothing()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await SignUpAsync(http, "ada@example.org");

        var response = await WriteMultipart.CreateAsync(
            client, ada.Token, new { application = "demo", name = "Wrong" }, new WriteMultipart.FilePart("threshold", "t.txt", Encoding.UTF8.GetBytes("3")));

        Assert.Equal("INVALID_PARAMETERS", response.PayloadErrorCode("createExperiment"));
        Assert.Empty(await RowsAsync(server));
        Assert.Empty(ExperimentFolders(server.UploadFolder));
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Empty(EntriesOf(server, Incoming));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task FilesOverTheQuotaAreRefusedAndLeaveNothing()
    {
        await using var server = await StartAsync("--Experiments:MaxUserBytes=1000");
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await SignUpAsync(http, "ada@example.org");

        var response = await WriteMultipart.CreateAsync(
            client, ada.Token, new { application = "demo", name = "Too much" }, new WriteMultipart.FilePart("images", "big.bin", new byte[1001]));

        Assert.Equal("QUOTA_EXCEEDED", response.ErrorCode);
        Assert.Empty(await RowsAsync(server));
        Assert.Empty(ExperimentFolders(server.UploadFolder));
        Assert.Empty(EntriesOf(server, Incoming));
        Assert.Empty(server.Logs.Errors);
    }
}
