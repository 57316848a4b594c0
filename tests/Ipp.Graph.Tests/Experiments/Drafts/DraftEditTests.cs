using System.Text;
using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Library;
using static Ipp.Graph.Tests.Experiments.Drafts.DraftsFixture;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Drafts;

/// <summary>
/// editExperiment on drafts of the catalogue, over HTTP with real folders: values checked as on creation, files added
/// (uploads, library entries) and removed, the folder replaced whole, and a refusal leaving the draft exactly as it was.
/// </summary>
public sealed class DraftEditTests
{
    [Fact]
    public async Task An_edit_changes_the_values_and_files_and_the_folder_and_experiment_json_follow()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entry = LibraryUploads.Entries(await LibraryUploads.UploadAsync(server, ada, LibraryUploads.FilePart.Text("atlas.nii", "atlas")))[0].GetProperty("id").GetString()!;
        var created = await WriteMultipart.CreateAsync(
            client, ada.Token, new { application = "demo", name = "Draft", draft = true, parameters = new { threshold = 3, notes = "old" } },
            new WriteMultipart.FilePart("images", "keep.bin", Encoding.UTF8.GetBytes("keep")),
            new WriteMultipart.FilePart("t1", "drop.bin", Encoding.UTF8.GetBytes("drop")));
        var eid = EidOf(created.Data("createExperiment").GetProperty("experiment"));
        var folder = FolderOf(server, ada.Id, "editing", eid);

        var edited = await EditWithUploadsAsync(
            client, ada.Token,
            new { id = IdOf(eid), name = "Renamed", description = "Now described", parameters = new { threshold = 7, mode = "exact" }, removeFiles = new[] { "drop.bin" } },
            new WriteMultipart.FilePart("images", "keep.bin", Encoding.UTF8.GetBytes("second")));
        var withEntry = await http.PostAsync(Edit, new { input = new { id = IdOf(eid), addFiles = new[] { new { parameter = "flair", libraryEntry = entry } } } }, ada.Token);

        var experiment = edited.Data("editExperiment").GetProperty("experiment");
        Assert.Equal("Renamed", experiment.GetProperty("name").GetString());
        Assert.Equal("Now described", experiment.GetProperty("description").GetString());
        Assert.Equal("EDITING", experiment.GetProperty("status").GetString());
        Assert.Equal("""{"threshold":7,"mode":"exact"}""", experiment.GetProperty("parameters").GetRawText());
        Assert.Equal(["keep (2).bin", "keep.bin"], InputNames(experiment));
        Assert.Equal(["atlas.nii", "keep (2).bin", "keep.bin"], InputNames(withEntry.Data("editExperiment").GetProperty("experiment")));
        Assert.Equal([$"{ada.Id}/editing/{eid}"], ExperimentFolders(server.UploadFolder));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(folder, "keep.bin")));
        Assert.Equal("second", File.ReadAllText(Path.Combine(folder, "keep (2).bin")));
        Assert.Equal("atlas", File.ReadAllText(Path.Combine(folder, "atlas.nii")));
        Assert.False(File.Exists(Path.Combine(folder, "drop.bin")));
        var manifest = ManifestOf(folder);
        Assert.Equal("Renamed", manifest.GetProperty("name").GetString());
        Assert.Equal(7, manifest.GetProperty("parameters").GetProperty("threshold").GetInt32());
        Assert.Equal(
            ["atlas.nii", "keep (2).bin", "keep.bin"],
            manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        var row = Assert.Single(await RowsAsync(server));
        Assert.Equal(StoredBytesOf(row, folder), row.StoredBytes);
        Assert.Empty(EntriesOf(server, Staging));
        // An edit is no change of status: the history holds the creation only.
        Assert.Single(await EventsAsync(server));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task A_refused_edit_leaves_the_draft_exactly_as_it_was()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await SignUpAsync(http, "ada@example.org");
        var created = await WriteMultipart.CreateAsync(
            client, ada.Token, new { application = "demo", name = "Draft", draft = true, parameters = new { threshold = 3 } },
            new WriteMultipart.FilePart("images", "a.bin", Encoding.UTF8.GetBytes("a")));
        var eid = EidOf(created.Data("createExperiment").GetProperty("experiment"));
        var folder = FolderOf(server, ada.Id, "editing", eid);
        var before = StateOf(folder);
        var rowBefore = JsonSerializer.Serialize(Assert.Single(await RowsAsync(server)));

        var invalid = await EditWithUploadsAsync(
            client, ada.Token, new { id = IdOf(eid), name = "Other", parameters = new { threshold = 99 }, removeFiles = new[] { "missing.bin", "a.bin" } },
            new WriteMultipart.FilePart("images", "b.bin", Encoding.UTF8.GetBytes("b")));
        var blankName = await http.PostAsync(Edit, new { input = new { id = IdOf(eid), name = "" } }, ada.Token);

        var error = invalid.PayloadError("editExperiment");
        Assert.Equal("INVALID_PARAMETERS", error.GetProperty("code").GetString());
        Assert.Equal(
            ["removeFiles", "threshold"],
            error.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal("INVALID_PARAMETERS", blankName.PayloadError("editExperiment").GetProperty("code").GetString());
        Assert.Equal(before, StateOf(folder));
        Assert.Equal(rowBefore, JsonSerializer.Serialize(Assert.Single(await RowsAsync(server))));
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Empty(EntriesOf(server, Incoming));
    }

    [Fact]
    public async Task A_client_gone_midway_through_an_upload_leaves_the_draft_as_it_was()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = await CreateDraftAsync(http, ada);
        var folder = FolderOf(server, ada.Id, "editing", eid);
        var before = StateOf(folder);
        using var leaving = new CancellationTokenSource();
        var body = new StallingContent(EditHead(new { id = IdOf(eid), name = "Gone" }, ["images"]), WriteMultipart.FileHeader(0, "big.bin"));

        var sending = client.SendAsync(WriteMultipart.Request(ada.Token, body), leaving.Token);
        await body.Stalled;
        leaving.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (EntriesOf(server, Incoming).Length > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Empty(EntriesOf(server, Incoming));
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Equal(before, StateOf(folder));
        Assert.Equal("A draft", Assert.Single(await RowsAsync(server)).Name);
        // Nothing of the edit lingers: the draft is edited, then submitted, at once.
        Assert.Equal("After", (await http.PostAsync(Edit, new { input = new { id = IdOf(eid), name = "After" } }, ada.Token)).Data("editExperiment").GetProperty("experiment").GetProperty("name").GetString());
        Assert.Equal("SUBMITTED", (await http.PostAsync(Submit, new { id = IdOf(eid) }, ada.Token)).Data("submitExperiment").GetProperty("experiment").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_edit_over_the_quota_is_refused_and_leaves_the_draft_as_it_was()
    {
        await using var server = await StartAsync("--Experiments:MaxUserBytes=4000");
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var eid = await CreateDraftAsync(http, ada);
        var folder = FolderOf(server, ada.Id, "editing", eid);
        var before = StateOf(folder);

        var response = await http.PostAsync(Edit, new { input = new { id = IdOf(eid), parameters = new { notes = new string('x', 3000) } } }, ada.Token);

        var error = response.PayloadError("editExperiment");
        Assert.Equal("QUOTA_EXCEEDED", error.GetProperty("code").GetString());
        Assert.Equal(4000, error.GetProperty("maxBytes").GetInt64());
        Assert.Equal(before, StateOf(folder));
        Assert.Equal("{}", Assert.Single(await RowsAsync(server)).ParametersJson);
        Assert.Empty(EntriesOf(server, Staging));
    }

    [Fact]
    public async Task Only_a_draft_of_the_callers_own_can_be_edited()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var bob = await SignUpAsync(http, "bob@example.org");
        var draft = await CreateDraftAsync(http, ada);
        var submitted = EidOf((await CreateAsync(http, ada, new { application = "demo", name = "Run" })).Data("createExperiment").GetProperty("experiment"));

        var others = await http.PostAsync(Edit, new { input = new { id = IdOf(draft), name = "Mine now" } }, bob.Token);
        var notDraft = await http.PostAsync(Edit, new { input = new { id = IdOf(submitted), name = "Late" } }, ada.Token);

        Assert.Equal("EXPERIMENT_NOT_FOUND", others.PayloadError("editExperiment").GetProperty("code").GetString());
        var error = notDraft.PayloadError("editExperiment");
        Assert.Equal("EXPERIMENT_NOT_EDITABLE", error.GetProperty("code").GetString());
        Assert.Equal("SUBMITTED", error.GetProperty("status").GetString());
        Assert.Equal("Only a draft (EDITING) can be edited; this experiment is SUBMITTED.", error.GetProperty("message").GetString());
        Assert.Equal(["A draft", "Run"], (await RowsAsync(server)).Select(row => row.Name));
    }

    [Fact]
    public async Task An_edit_and_a_submission_at_once_one_after_the_other_and_the_draft_is_never_half_edited()
    {
        await using var server = await StartAsync("--Experiments:CreateRateLimit:PermitLimit=1000");
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var outcomes = new HashSet<string>();
        for (var round = 0; round < 20; round++)
        {
            var eid = await CreateDraftAsync(http, ada, $"Round {round}");
            var edit = http.PostAsync(Edit, new { input = new { id = IdOf(eid), name = $"Edited {round}", parameters = new { threshold = 5 } } }, ada.Token);
            var submit = http.PostAsync(Submit, new { id = IdOf(eid) }, ada.Token);
            var (edited, submitted) = (await edit, await submit);

            Assert.Equal("SUBMITTED", submitted.Data("submitExperiment").GetProperty("experiment").GetProperty("status").GetString());
            var editWon = edited.Data("editExperiment").GetProperty("errors").ValueKind == JsonValueKind.Null;
            if (!editWon)
            {
                Assert.Equal("EXPERIMENT_NOT_EDITABLE", edited.PayloadError("editExperiment").GetProperty("code").GetString());
            }

            outcomes.Add(editWon ? "edited, then submitted" : "submitted, edit refused");
            var manifest = ManifestOf(FolderOf(server, ada.Id, "submitted", eid));
            var row = (await RowsAsync(server)).Single(r => r.Id == eid);
            Assert.Equal(editWon ? $"Edited {round}" : $"Round {round}", row.Name);
            Assert.Equal(row.Name, manifest.GetProperty("name").GetString());
            Assert.Equal(editWon ? """{"threshold":5}""" : "{}", row.ParametersJson);
            Assert.Equal(ExperimentStatus.Submitted, row.Status);
        }

        Assert.Equal(20, ExperimentFolders(server.UploadFolder).Count);
        Assert.All(ExperimentFolders(server.UploadFolder), folder => Assert.StartsWith($"{ada.Id}/submitted/", folder, StringComparison.Ordinal));
        Assert.Empty(EntriesOf(server, Staging));
        Assert.NotEmpty(outcomes);
    }

    /// <summary>A multipart body that sends its head and 1 MiB of its file, then nothing until the client gives up.</summary>
    private sealed class StallingContent(byte[] head, byte[] fileHeader) : HttpContent
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Stalled => _stalled.Task;

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(head, cancellationToken);
            await stream.WriteAsync(fileHeader, cancellationToken);
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 16; i++)
            {
                await stream.WriteAsync(chunk, cancellationToken);
            }

            await stream.FlushAsync(cancellationToken);
            _stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
