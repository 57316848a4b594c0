using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Storage;
using Ipp.Graph.Tests.Support;

namespace Ipp.Graph.Tests.Experiments;

/// <summary>
/// How the folder contract is read back from disk: which experiment a changed path concerns, which namespace wins
/// when a folder is in two, and the cursors events carry.
/// </summary>
public sealed class LiveFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ipp-graph-tests", Guid.NewGuid().ToString("n"));
    private readonly UploadFolder _uploads;
    private readonly ExperimentFolders _folders;

    public LiveFolderTests()
    {
        Directory.CreateDirectory(_root);
        _uploads = new UploadFolder(_root, RunningServer.InstanceId);
        _folders = new ExperimentFolders(_uploads);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("5/completed/7", 5, 7)]
    [InlineData("5/submitted/7/experiment.json", 5, 7)]
    [InlineData("5/completed/7/results/deep/out.txt", 5, 7)]
    [InlineData("12/failed/9000000000", 12, 9_000_000_000)]
    [InlineData("5", 5, 0)]
    [InlineData("5/running", 5, 0)]
    public void A_path_under_a_users_folder_concerns_the_experiment_or_the_user(string relative, long userId, long experimentId)
    {
        Assert.Equal(new FolderScope(userId, experimentId), _folders.ScopeOf(Path.Combine(_root, relative)));
    }

    [Theory]
    [InlineData(".staging/7")]
    [InlineData(".incoming/upload-1")]
    [InlineData(".staging")]
    [InlineData(".instances/test-instance/staging/7")]
    [InlineData("5/staging/7")]
    [InlineData("5/archive/7")]
    [InlineData("5/Completed/7")]
    [InlineData("5/completed/notes")]
    [InlineData("5/completed/07")]
    [InlineData("5/completed/-7")]
    [InlineData("5/completed/0")]
    [InlineData("05/completed/7")]
    [InlineData("0/completed/7")]
    [InlineData("99999999999999999999/completed/7")]
    [InlineData("readme.txt")]
    public void Other_paths_concern_nothing(string relative)
    {
        Assert.Null(_folders.ScopeOf(Path.Combine(_root, relative)));
    }

    [Fact]
    public void Paths_outside_the_uploads_folder_and_the_folder_itself_concern_nothing()
    {
        Assert.Null(_folders.ScopeOf(_root));
        Assert.Null(_folders.ScopeOf(Path.Combine(Path.GetDirectoryName(_root)!, "elsewhere", "5", "completed", "7")));
    }

    [Fact]
    public void The_namespace_furthest_along_wins_and_no_folder_says_nothing()
    {
        Assert.Null(_uploads.StatusOnDisk(5, 7));

        Directory.CreateDirectory(Path.Combine(_root, "5", "submitted", "7"));
        Assert.Equal(ExperimentStatus.Submitted, _uploads.StatusOnDisk(5, 7));

        Directory.CreateDirectory(Path.Combine(_root, "5", "completed", "7"));
        Assert.Equal(ExperimentStatus.Completed, _uploads.StatusOnDisk(5, 7));

        Directory.CreateDirectory(Path.Combine(_root, "5", "running", "7"));
        Assert.Equal(ExperimentStatus.Completed, _uploads.StatusOnDisk(5, 7));

        Directory.CreateDirectory(Path.Combine(_root, "5", "failed", "7"));
        Assert.Equal(ExperimentStatus.Failed, _uploads.StatusOnDisk(5, 7));

        // Another user's folder of that eid, and a file where a folder would be, say nothing about it.
        Directory.CreateDirectory(Path.Combine(_root, "6", "completed", "8"));
        Directory.CreateDirectory(Path.Combine(_root, "5", "editing"));
        File.WriteAllText(Path.Combine(_root, "5", "editing", "8"), "");
        Assert.Null(_uploads.StatusOnDisk(5, 8));
    }

    [Fact]
    public void The_experiment_ids_of_a_users_folders_are_the_folders_named_like_ids()
    {
        Directory.CreateDirectory(Path.Combine(_root, "5", "submitted", "7"));
        Directory.CreateDirectory(Path.Combine(_root, "5", "completed", "8"));
        Directory.CreateDirectory(Path.Combine(_root, "5", "completed", "notes"));
        Directory.CreateDirectory(Path.Combine(_root, "5", "archive", "9"));
        File.WriteAllText(Path.Combine(_root, "5", "completed", "10"), "");

        Assert.Equal([7L, 8L], _folders.ExperimentIdsOf(5).Order());
        Assert.Empty(_folders.ExperimentIdsOf(6));
    }

    [Fact]
    public void Cursors_are_opaque_and_read_back_only_when_this_server_made_them()
    {
        var cursor = EventCursor.Encode(42);
        Assert.Equal("RXhwZXJpbWVudEV2ZW50OjQy", cursor);
        Assert.True(EventCursor.TryDecode(cursor, out var eventId));
        Assert.Equal(42, eventId);

        Assert.False(EventCursor.TryDecode(GlobalId.Encode("Experiment", 42), out _));
        Assert.False(EventCursor.TryDecode("", out _));
        Assert.False(EventCursor.TryDecode("%%%", out _));
        Assert.False(EventCursor.TryDecode(EventCursor.Encode(1) + "AAAA", out _));
        Assert.False(EventCursor.TryDecode(new string('A', 200), out _));
    }
}
