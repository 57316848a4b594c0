using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Library;
using static Ipp.Graph.Tests.Experiments.Drafts.DraftsFixture;
using static Ipp.Graph.Tests.Experiments.Write.WriteFixture;

namespace Ipp.Graph.Tests.Experiments.Drafts;

/// <summary>
/// cloneExperiment on catalogue experiments over HTTP with real folders: a whole new draft of the caller's, its files
/// linked from the source's folder (never moved), its outputs left behind, the caller's limits applied, and a clone
/// racing the source's deletion either whole or not found.
/// </summary>
public sealed class CloneTests
{
    [Fact]
    public async Task A_clone_is_a_new_draft_with_the_values_inputs_and_tags_and_the_source_is_untouched()
    {
        await using var server = await StartAsync();
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entry = LibraryUploads.Entries(await LibraryUploads.UploadAsync(server, ada, LibraryUploads.FilePart.Text("scans/a.nii", "scan a")))[0].GetProperty("id").GetString()!;
        var tag = (await http.PostAsync("mutation { createTag(input: {name: \"cohort\"}) { tag { id } } }", null, ada.Token)).Data("createTag").GetProperty("tag").GetProperty("id").GetString()!;
        var created = await WriteMultipart.CreateAsync(
            client, ada.Token, new { application = "demo", name = "Run", description = "First", parameters = new { threshold = 3, mode = "fast" }, tags = new[] { tag } },
            new WriteMultipart.FilePart("images", "image.bin", Encoding.UTF8.GetBytes("image bytes")));
        var source = EidOf(created.Data("createExperiment").GetProperty("experiment"));
        var sourceFolder = FolderOf(server, ada.Id, "submitted", source);
        // The backend wrote an output beside the inputs: a clone leaves it behind.
        File.WriteAllText(Path.Combine(sourceFolder, "result.txt"), "output");
        var sourceState = StateOf(sourceFolder);

        var response = await http.PostAsync(Clone, new { input = new { id = IdOf(source), name = "Again" } }, ada.Token);
        var withEntry = await http.PostAsync(
            Clone, new { input = new { id = IdOf(EidOf((await CreateAsync(http, ada, new { application = "demo", name = "Entry", files = new[] { new { parameter = "t1", libraryEntry = entry } } })).Data("createExperiment").GetProperty("experiment"))) } }, ada.Token);

        var clone = response.Data("cloneExperiment").GetProperty("experiment");
        var cloneId = EidOf(clone);
        Assert.NotEqual(source, cloneId);
        Assert.Equal("Again", clone.GetProperty("name").GetString());
        Assert.Equal("First", clone.GetProperty("description").GetString());
        Assert.Equal("EDITING", clone.GetProperty("status").GetString());
        Assert.Equal("""{"threshold":3,"mode":"fast"}""", clone.GetProperty("parameters").GetRawText());
        Assert.Equal(["image.bin"], InputNames(clone));
        Assert.Equal(["cohort"], clone.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var cloneFolder = FolderOf(server, ada.Id, "editing", cloneId);
        Assert.Equal("image bytes", File.ReadAllText(Path.Combine(cloneFolder, "image.bin")));
        Assert.False(File.Exists(Path.Combine(cloneFolder, "result.txt")));
        Assert.Equal(InodeOf(Path.Combine(sourceFolder, "image.bin")), InodeOf(Path.Combine(cloneFolder, "image.bin")));
        var manifest = ManifestOf(cloneFolder);
        Assert.Equal(cloneId, manifest.GetProperty("id").GetInt64());
        Assert.Equal("Again", manifest.GetProperty("name").GetString());
        Assert.Equal(sourceState, StateOf(sourceFolder));
        var rows = await RowsAsync(server);
        var cloneRow = rows.Single(row => row.Id == cloneId);
        Assert.Equal(StoredBytesOf(cloneRow, cloneFolder), cloneRow.StoredBytes);
        Assert.Equal(["scans/a.nii"], InputNames(withEntry.Data("cloneExperiment").GetProperty("experiment")));
        Assert.Equal(
            "scans",
            withEntry.Data("cloneExperiment").GetProperty("experiment").GetProperty("inputs")[0].GetProperty("libraryEntry").GetProperty("name").GetString());
        Assert.Empty(EntriesOf(server, Staging));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Another_users_experiment_is_not_found_and_the_callers_limits_apply()
    {
        await using var server = await StartAsync("--Experiments:MaxPerUser=1");
        using var http = new GraphQLHttp(server);
        var ada = await SignUpAsync(http, "ada@example.org");
        var bob = await SignUpAsync(http, "bob@example.org");
        var source = await CreateDraftAsync(http, ada);

        var others = await http.PostAsync(Clone, new { input = new { id = IdOf(source) } }, bob.Token);
        var overLimit = await http.PostAsync(Clone, new { input = new { id = IdOf(source) } }, ada.Token);

        Assert.Equal("EXPERIMENT_NOT_FOUND", others.PayloadError("cloneExperiment").GetProperty("code").GetString());
        var limit = overLimit.PayloadError("cloneExperiment");
        Assert.Equal("EXPERIMENT_LIMIT_REACHED", limit.GetProperty("code").GetString());
        Assert.Equal(1, limit.GetProperty("maxExperiments").GetInt32());
        Assert.Single(await RowsAsync(server));
        Assert.Single(ExperimentFolders(server.UploadFolder));
        Assert.Empty(EntriesOf(server, Staging));
    }

    [Fact]
    public async Task A_clone_racing_the_deletion_of_its_source_is_whole_or_not_found()
    {
        await using var server = await StartAsync("--Experiments:CreateRateLimit:PermitLimit=1000");
        using var http = new GraphQLHttp(server);
        using var client = server.CreateClient();
        var ada = await SignUpAsync(http, "ada@example.org");
        var outcomes = new HashSet<string>();
        for (var round = 0; round < 25; round++)
        {
            var created = await WriteMultipart.CreateAsync(
                client, ada.Token, new { application = "demo", name = $"Round {round}", draft = true },
                new WriteMultipart.FilePart("images", "a.bin", Encoding.UTF8.GetBytes($"bytes {round}")));
            var source = EidOf(created.Data("createExperiment").GetProperty("experiment"));
            var clone = http.PostAsync(Clone, new { input = new { id = IdOf(source) } }, ada.Token);
            var delete = http.PostAsync(Delete, new { id = IdOf(source) }, ada.Token);
            var (cloned, deleted) = (await clone, await delete);

            Assert.Equal(IdOf(source), deleted.Data("deleteExperiment").GetProperty("deletedId").GetString());
            var payload = cloned.Data("cloneExperiment");
            if (payload.GetProperty("errors").ValueKind == JsonValueKind.Null)
            {
                outcomes.Add("cloned");
                var folder = FolderOf(server, ada.Id, "editing", EidOf(payload.GetProperty("experiment")));
                Assert.Equal($"bytes {round}", File.ReadAllText(Path.Combine(folder, "a.bin")));
                Assert.True(File.Exists(Path.Combine(folder, "experiment.json")));
            }
            else
            {
                outcomes.Add("not found");
                Assert.Equal("EXPERIMENT_NOT_FOUND", cloned.PayloadError("cloneExperiment").GetProperty("code").GetString());
            }

            var rows = await RowsAsync(server);
            Assert.DoesNotContain(rows, row => row.Id == source);
            Assert.Equal(
                rows.Select(row => $"{ada.Id}/editing/{row.Id}").Order(StringComparer.Ordinal),
                ExperimentFolders(server.UploadFolder).Order(StringComparer.Ordinal));
            Assert.All(rows, row => Assert.Single(row.Inputs));
            Assert.Empty(EntriesOf(server, Staging));
        }

        Assert.NotEmpty(outcomes);
        Assert.Empty(server.Logs.Errors);
    }

    /// <summary>The file's inode number (stat(1)): two names of one file share it.</summary>
    private static string InodeOf(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var inode = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return inode;
    }
}
