using Ipp.Graph.Tests.Authorization;
using Ipp.Graph.Tests.Experiments.Write;
using Ipp.Graph.Tests.Storage.Blobs;
using Ipp.Graph.Tests.Support;
using static Ipp.Graph.Tests.Library.Inputs.LibraryInputs;
using static Ipp.Graph.Tests.Library.LibraryUploads;

namespace Ipp.Graph.Tests.Library.Inputs;

/// <summary>
/// Library entries taken by experiments when the library's bytes live on a real WebDAV server (rclone): copied from
/// it into the experiment's folder, kept when the entries are deleted there, and a server that is down refused as
/// STORAGE_UNAVAILABLE with nothing made.
/// </summary>
public sealed class LibraryInputWebDavTests : IAsyncLifetime
{
    private RcloneWebDavServer _webDav = null!;
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _webDav = await RcloneWebDavServer.StartAsync();
        _server = await WriteFixture.StartAsync(_webDav.ServerArguments());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _webDav.DisposeAsync();
    }

    [Fact]
    public async Task Entries_are_copied_from_the_WebDAV_server_and_stay_in_the_experiment_when_deleted_there()
    {
        var engineer = await AccessServers.SignUpAsync(_server, "DATA_ENGINEER");
        var entries = await StoreAsync(_server, engineer, FilePart.Text("scan.nii", "over webdav"), FilePart.Text("study/t1/a.txt", "in a folder"));
        Assert.Equal(2, _webDav.StoredFiles().Count);

        var experiment = Experiment(await CreateAsync(
            _server, engineer, Given.Entry("t1", entries["scan.nii"]), Given.Entry("images", entries["study"]), Given.Upload("flair", "flair.nii", "uploaded")));
        var folder = WriteFixture.FolderOf(_server, engineer.Id, "editing", WriteFixture.EidOf(experiment));
        var files = FilesOf(folder);
        Assert.Equal(("over webdav", "in a folder", "uploaded"), (files["scan.nii"], files["study/t1/a.txt"], files["flair.nii"]));

        await DeleteEntryAsync(_server, entries["scan.nii"]);
        await DeleteEntryAsync(_server, entries["study"]);

        Assert.Empty(_webDav.StoredFiles());
        Assert.Equal(files, FilesOf(folder));
        Assert.Empty(_server.Logs.Errors);
    }

    [Fact]
    public async Task A_WebDAV_server_that_is_down_is_STORAGE_UNAVAILABLE_and_nothing_is_made()
    {
        var engineer = await AccessServers.SignUpAsync(_server, "DATA_ENGINEER");
        var entries = await StoreAsync(_server, engineer, FilePart.Text("scan.nii", "unreachable"));
        await _webDav.StopAsync();

        var refused = await CreateAsync(_server, engineer, Given.Upload("flair", "flair.nii", "uploaded"), Given.Entry("t1", entries["scan.nii"]));

        Assert.Equal("STORAGE_UNAVAILABLE", refused.ErrorCode);
        Assert.Equal("The server cannot store files right now. Please try again later.", refused.ErrorMessage);
        await AssertNothingMadeAsync(_server);
        Assert.Empty(WriteFixture.EntriesOf(_server, WriteFixture.Incoming));

        await _webDav.RestartAsync();
        var experiment = Experiment(await CreateAsync(_server, engineer, Given.Entry("t1", entries["scan.nii"])));
        Assert.Equal("unreachable", FilesOf(WriteFixture.FolderOf(_server, engineer.Id, "editing", WriteFixture.EidOf(experiment)))["scan.nii"]);
    }
}
