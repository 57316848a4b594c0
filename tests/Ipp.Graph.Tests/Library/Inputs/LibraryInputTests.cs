using System.Text.Json;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Tests.Accounts;
using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Library.Inputs.LibraryInputs;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Inputs;

/// <summary>
/// createExperiment taking library entries by reference, through the real server with the local blob store: the
/// bytes copied into the experiment's folder and listed in experiment.json and <c>inputs</c>, only entries the caller
/// reaches, the copy the experiment's own (counted in the quota, kept when the entry is deleted), and every refusal
/// leaving nothing behind.
/// </summary>
public sealed class LibraryInputTests
{
    [Fact]
    public async Task A_file_entry_by_reference_alone_is_copied_into_the_folder_and_named_in_experiment_json_and_inputs()
    {
        await using var server = await WriteFixture.StartAsync();
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entries = await StoreAsync(server, engineer, FilePart.Text("scan.nii", "the scan's bytes"));

        var experiment = Experiment(await CreateAsync(server, engineer, Given.Entry("t1", entries["scan.nii"])));

        var eid = WriteFixture.EidOf(experiment);
        var folder = WriteFixture.FolderOf(server, engineer.Id, "editing", eid);
        var files = FilesOf(folder);
        Assert.Equal(["experiment.json", "scan.nii"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("the scan's bytes", files["scan.nii"]);
        var listed = Assert.Single(ManifestFiles(folder));
        Assert.Equal(
            """{"parameter":"t1","name":"scan.nii","originalName":"scan.nii","size":16,"libraryEntry":{"id":"ID","name":"scan.nii"}}""".Replace("ID", entries["scan.nii"]),
            listed.GetRawText().Replace(" ", "").Replace("\n", ""));
        var input = Assert.Single(experiment.GetProperty("inputs").EnumerateArray());
        Assert.Equal(("scan.nii", "t1", 16L), (input.GetProperty("name").GetString(), input.GetProperty("parameter").GetString(), input.GetProperty("size").GetInt64()));
        Assert.Equal(entries["scan.nii"], input.GetProperty("libraryEntry").GetProperty("entryId").GetString());
        Assert.Equal("scan.nii", input.GetProperty("libraryEntry").GetProperty("entry").GetProperty("name").GetString());
        Assert.Empty(experiment.GetProperty("outputs").EnumerateArray());

        using var client = server.CreateClient();
        using var download = new HttpRequestMessage(HttpMethod.Get, input.GetProperty("downloadUrl").GetString()!.TrimStart('/'));
        download.Headers.Authorization = new("Bearer", engineer.Token);
        using var response = await client.SendAsync(download);
        Assert.Equal("the scan's bytes", await response.Content.ReadAsStringAsync());
        var row = Assert.Single(await WriteFixture.RowsAsync(server));
        Assert.Equal((KeyOf(entries["scan.nii"]), "scan.nii"), (Assert.Single(row.Inputs).LibraryEntryId, row.Inputs[0].LibraryEntryName));
        Assert.Empty(WriteFixture.EntriesOf(server, WriteFixture.Staging));
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Library_entries_mix_with_uploads_and_share_unique_names_in_the_folder()
    {
        await using var server = await WriteFixture.StartAsync();
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entries = await StoreAsync(server, engineer, FilePart.Text("scan.nii", "from the library"));

        var experiment = Experiment(await CreateAsync(
            server,
            engineer,
            Given.Upload("images", "scan.nii", "uploaded"),
            Given.Entry("t1", entries["scan.nii"]),
            Given.Upload("flair", "flair.nii", "uploaded flair")));

        var folder = WriteFixture.FolderOf(server, engineer.Id, "editing", WriteFixture.EidOf(experiment));
        var files = FilesOf(folder);
        Assert.Equal(("uploaded", "from the library", "uploaded flair"), (files["scan.nii"], files["scan (2).nii"], files["flair.nii"]));
        Assert.Equal(
            [("images", "scan.nii", false), ("t1", "scan (2).nii", true), ("flair", "flair.nii", false)],
            ManifestFiles(folder).Select(f => (f.GetProperty("parameter").GetString(), f.GetProperty("name").GetString(), f.TryGetProperty("libraryEntry", out _))));
        Assert.Equal(
            [JsonValueKind.Null, JsonValueKind.Object, JsonValueKind.Null],
            experiment.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("libraryEntry").ValueKind));
        Assert.Empty(WriteFixture.EntriesOf(server, WriteFixture.Incoming));
    }

    [Fact]
    public async Task A_folder_entry_becomes_a_sub_folder_with_its_files_at_their_paths_each_listed()
    {
        await using var server = await WriteFixture.StartAsync();
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entries = await StoreAsync(server, engineer, FilePart.Text("study/t1/scan.nii", "one"), FilePart.Text("study/readme.md", "two!"));

        var experiment = Experiment(await CreateAsync(server, engineer, Given.Entry("images", entries["study"]), Given.Upload("images", "study", "a file named like the folder")));

        var folder = WriteFixture.FolderOf(server, engineer.Id, "editing", WriteFixture.EidOf(experiment));
        Assert.Equal(
            new Dictionary<string, string> { ["study/readme.md"] = "two!", ["study/t1/scan.nii"] = "one", ["study (2)"] = "a file named like the folder" },
            FilesOf(folder).Where(f => f.Key != "experiment.json").ToDictionary());
        Assert.Equal(
            [("study/readme.md", "study/readme.md", 4L), ("study/t1/scan.nii", "study/t1/scan.nii", 3L), ("study (2)", "study", 28L)],
            ManifestFiles(folder).Select(f => (f.GetProperty("name").GetString(), f.GetProperty("originalName").GetString(), f.GetProperty("size").GetInt64())));
        Assert.Equal(
            ["study/readme.md", "study/t1/scan.nii", "study (2)"],
            experiment.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(
            ["study", "study", null],
            experiment.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("libraryEntry") is { ValueKind: JsonValueKind.Object } source ? source.GetProperty("name").GetString() : null));
        Assert.Empty(experiment.GetProperty("outputs").EnumerateArray());

        using var client = server.CreateClient();
        var url = experiment.GetProperty("inputs")[1].GetProperty("downloadUrl").GetString()!;
        using var download = new HttpRequestMessage(HttpMethod.Get, url.TrimStart('/'));
        download.Headers.Authorization = new("Bearer", engineer.Token);
        using var response = await client.SendAsync(download);
        Assert.Equal("one", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_folder_entry_counts_as_one_file_of_its_parameter()
    {
        await using var server = await WriteFixture.StartAsync($"--Applications:CatalogPath={OneFileCatalogue.Value}");
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entries = await StoreAsync(server, engineer, FilePart.Text("study/a", "1"), FilePart.Text("study/b", "2"), FilePart.Text("other.txt", "3"));

        Assert.Equal(2, Experiment(await CreateAsync(server, engineer, Given.Entry("images", entries["study"]))).GetProperty("inputs").GetArrayLength());
        var two = await CreateAsync(server, engineer, Given.Entry("images", entries["study"]), Given.Entry("images", entries["other.txt"]));

        Assert.Equal(("images", "'images' needs at most 1 file, not 2"), SingleProblem(two));
    }

    [Fact]
    public async Task An_entry_shared_with_the_caller_is_taken_and_stays_the_owners()
    {
        await using var server = await WriteFixture.StartAsync();
        var owner = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var researcher = await AccessServers.SignUpAsync(server, "AI_RESEARCHER");
        var entries = await StoreAsync(server, owner, FilePart.Text("shared.csv", "a,b\n1,2\n"));
        await ShareAsync(server, owner, entries["shared.csv"], researcher);

        var experiment = Experiment(await CreateAsync(server, researcher, Given.Entry("images", entries["shared.csv"])));

        var folder = WriteFixture.FolderOf(server, researcher.Id, "editing", WriteFixture.EidOf(experiment));
        Assert.Equal("a,b\n1,2\n", FilesOf(folder)["shared.csv"]);
        var row = Assert.Single(await WriteFixture.RowsAsync(server));
        Assert.Equal((researcher.Id, WriteFixture.StoredBytesOf(row, folder)), (row.UserId, row.StoredBytes));
        Assert.True(row.StoredBytes > 8);
        Assert.Equal("shared.csv", Assert.Single(experiment.GetProperty("inputs").EnumerateArray()).GetProperty("libraryEntry").GetProperty("entry").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Someone_elses_unshared_entry_is_refused_exactly_as_one_that_does_not_exist_and_nothing_is_made()
    {
        await using var server = await WriteFixture.StartAsync();
        var owner = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var stranger = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entries = await StoreAsync(server, owner, FilePart.Text("private.txt", "mine"));
        var unknown = Ipp.Graph.GraphQL.GlobalId.Encode("LibraryEntry", KeyOf(entries["private.txt"]) + 1000);
        var notAnEntry = Ipp.Graph.GraphQL.GlobalId.Encode("Experiment", KeyOf(entries["private.txt"]));

        var hidden = await CreateAsync(server, stranger, Given.Entry("t1", entries["private.txt"]));
        var missing = await CreateAsync(server, stranger, Given.Entry("t1", unknown));
        var wrongType = await CreateAsync(server, stranger, Given.Entry("t1", notAnEntry));

        Assert.Equal(("t1", $"no library entry you can see has the id '{entries["private.txt"]}'"), SingleProblem(hidden));
        Assert.Equal(("t1", $"no library entry you can see has the id '{unknown}'"), SingleProblem(missing));
        Assert.Equal(("t1", $"no library entry you can see has the id '{notAnEntry}'"), SingleProblem(wrongType));
        Assert.Equal("INVALID_PARAMETERS", hidden.PayloadErrorCode("createExperiment"));
        await AssertNothingMadeAsync(server);
        // The owner may take it.
        Assert.NotNull(Experiment(await CreateAsync(server, owner, Given.Entry("t1", entries["private.txt"]))).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_caller_without_files_read_reaches_no_entry_even_one_shared_with_them()
    {
        await using var server = await WriteFixture.StartAsync();
        var owner = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var maintainer = await AccessServers.SignUpAsync(server, "MAINTAINER");
        var entries = await StoreAsync(server, owner, FilePart.Text("shared.txt", "x"));
        await ShareAsync(server, owner, entries["shared.txt"], maintainer);

        var refused = await CreateAsync(server, maintainer, Given.Entry("t1", entries["shared.txt"]));

        Assert.Equal(("t1", $"no library entry you can see has the id '{entries["shared.txt"]}'"), SingleProblem(refused));
        await AssertNothingMadeAsync(server);
    }

    [Fact]
    public async Task A_file_gives_exactly_one_of_an_upload_and_a_library_entry_each_problem_reported_with_the_others()
    {
        await using var server = await WriteFixture.StartAsync();
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entries = await StoreAsync(server, engineer, FilePart.Text("scan.nii", "x"));

        var both = await CreateAsync(server, engineer, new Given("t1", entries["scan.nii"], "up.nii", "y"u8.ToArray()));
        using var http = new GraphQLHttp(server);
        var neither = await http.PostAsync(Create, new { input = new { application = "demo", name = "n", parameters = new { threshold = 99 }, files = new[] { new { parameter = "flair" } } } }, engineer.Token);

        Assert.Equal(("t1", "a file of 't1' gives both an upload (file) and a library entry (libraryEntry); give one"), SingleProblem(both));
        var problems = neither.PayloadError("createExperiment").GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("field").GetString(), p.GetProperty("message").GetString())).ToList();
        Assert.Equal([("threshold", "'threshold' must be an integer from 1 to 10"), ("flair", "a file of 'flair' gives neither an upload (file) nor a library entry (libraryEntry)")], problems);
        await AssertNothingMadeAsync(server);
        Assert.Empty(WriteFixture.EntriesOf(server, WriteFixture.Incoming));
    }

    [Fact]
    public async Task Deleting_the_entry_afterwards_leaves_the_experiments_files_and_experiment_json_intact()
    {
        await using var server = await WriteFixture.StartAsync();
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entries = await StoreAsync(server, engineer, FilePart.Text("scan.nii", "kept"), FilePart.Text("study/a/b.txt", "also kept"));
        var experiment = Experiment(await CreateAsync(server, engineer, Given.Entry("t1", entries["scan.nii"]), Given.Entry("images", entries["study"])));
        var id = experiment.GetProperty("id").GetString()!;
        var folder = WriteFixture.FolderOf(server, engineer.Id, "editing", WriteFixture.EidOf(experiment));
        var before = FilesOf(folder);
        var storedBytes = Assert.Single(await WriteFixture.RowsAsync(server)).StoredBytes;

        await DeleteEntryAsync(server, entries["scan.nii"]);
        await DeleteEntryAsync(server, entries["study"]);

        Assert.Empty(BlobFiles(server));
        Assert.Equal(before, FilesOf(folder));
        Assert.Equal(["kept", "also kept"], new[] { before["scan.nii"], before["study/a/b.txt"] });
        using var http = new GraphQLHttp(server);
        var inputs = (await http.PostAsync(InputsQuery, new { id }, engineer.Token)).Data("node").GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(
            [(entries["scan.nii"], "scan.nii", JsonValueKind.Null), (entries["study"], "study", JsonValueKind.Null)],
            inputs.Select(i => i.GetProperty("libraryEntry")).Select(s => (s.GetProperty("entryId").GetString(), s.GetProperty("name").GetString(), s.GetProperty("entry").ValueKind)));
        // Still the experiment's: counted in its owner's quota until the experiment is deleted.
        Assert.Equal(storedBytes, Assert.Single(await WriteFixture.RowsAsync(server)).StoredBytes);
        Assert.Equal("also kept", File.ReadAllText(Path.Combine(folder, "study", "a", "b.txt")));
    }

    [Fact]
    public async Task The_copy_counts_against_the_quota_like_an_upload()
    {
        await using var server = await WriteFixture.StartAsync("--Experiments:MaxUserBytes=3000");
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entries = await StoreAsync(server, engineer, FilePart.Text("big.bin", new string('x', 1000)));
        var first = Experiment(await CreateAsync(server, engineer, Given.Entry("images", entries["big.bin"])));
        var folder = WriteFixture.FolderOf(server, engineer.Id, "editing", WriteFixture.EidOf(first));
        var row = Assert.Single(await WriteFixture.RowsAsync(server));
        Assert.Equal(WriteFixture.StoredBytesOf(row, folder), row.StoredBytes);
        Assert.True(row.StoredBytes > 1000);

        // The library entry and one copy fit in 3000 bytes; a second copy does not.
        var over = await CreateAsync(server, engineer, Given.Entry("images", entries["big.bin"]));

        var error = over.PayloadError("createExperiment");
        Assert.Equal(("QUOTA_EXCEEDED", 3000L), (error.GetProperty("code").GetString(), error.GetProperty("maxBytes").GetInt64()));
        Assert.True(error.GetProperty("requestedBytes").GetInt64() > 1000);
        Assert.Single(await WriteFixture.RowsAsync(server));
        Assert.Single(WriteFixture.ExperimentFolders(server.UploadFolder));
        Assert.Empty(WriteFixture.EntriesOf(server, WriteFixture.Staging));
    }

    [Fact]
    public async Task An_entry_deleted_before_its_bytes_are_copied_is_refused_as_missing_and_nothing_is_left()
    {
        await using var server = await WriteFixture.StartAsync();
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entries = await StoreAsync(server, engineer, FilePart.Text("study/a.txt", "first"), FilePart.Text("study/b.txt", "second"));
        // Found with its files, then deleted while they were copied: the second file's bytes are gone.
        var store = server.Services.GetRequiredService<Ipp.Graph.Storage.Blobs.IBlobStore>();
        await store.DeleteAsync((await BlobsOfAsync(server, entries["study"]))[1], CancellationToken.None);

        var refused = await CreateAsync(server, engineer, Given.Entry("images", entries["study"]));

        Assert.Equal(("images", $"no library entry you can see has the id '{entries["study"]}'"), SingleProblem(refused));
        await AssertNothingMadeAsync(server);
        Assert.Empty(server.Logs.Errors);
    }

    [Fact]
    public async Task Bytes_that_differ_from_the_librarys_record_are_refused_as_storage_failing_and_nothing_is_left()
    {
        await using var server = await WriteFixture.StartAsync();
        var engineer = await AccessServers.SignUpAsync(server, "DATA_ENGINEER");
        var entries = await StoreAsync(server, engineer, FilePart.Text("scan.nii", "original"));
        var blob = Assert.Single(await BlobsOfAsync(server, entries["scan.nii"]));
        File.WriteAllText(Path.Combine(server.BlobFolder, blob.RelativePath), "tampered");

        var refused = await CreateAsync(server, engineer, Given.Entry("t1", entries["scan.nii"]));

        Assert.Equal("STORAGE_UNAVAILABLE", refused.ErrorCode);
        Assert.DoesNotContain(server.BlobFolder, refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Errors, entry => entry.Message.Contains(blob.Value, StringComparison.Ordinal));
        await AssertNothingMadeAsync(server);
    }

    /// <summary>The <c>files</c> of an experiment's experiment.json.</summary>
    private static List<JsonElement> ManifestFiles(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "experiment.json")));
        return manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.Clone()).ToList();
    }

    /// <summary>The tests' catalogue with <c>images</c> taking at most one file.</summary>
    private static readonly Lazy<string> OneFileCatalogue = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", $"one-file-catalogue-{Guid.NewGuid():n}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, WriteFixture.Catalogue.Replace("\"images\": {\"type\": \"attachment\", \"label\": \"Images\"}", "\"images\": {\"type\": \"attachment\", \"label\": \"Images\", \"max\": 1}"));
        return path;
    });
}
