using Ipp.Graph.Storage;

namespace Ipp.Graph.Tests.Storage;

/// <summary>
/// The flushed folder operations the experiment writer relies on, on a real file system: the directory really is
/// opened and flushed through the C library (a folder that is not there fails with the system's reason, as storage
/// that is unavailable), missing parents are created, a folder is renamed whole.
/// </summary>
public sealed class DurableDirectoryTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ipp-durable-").FullName;

    [Fact]
    public void Flushing_a_folder_opens_it_through_the_system_which_names_what_is_wrong()
    {
        DurableDirectory.Flush(_root);

        var missing = Path.Combine(_root, "missing");
        var failure = Assert.Throws<StorageUnavailableException>(() => DurableDirectory.Flush(missing));
        Assert.Equal($"Could not open the folder {missing}: No such file or directory", failure.Message);
        Assert.Equal(2, Assert.IsType<IOException>(failure.InnerException).HResult); // ENOENT
    }

    [Fact]
    public void Create_makes_the_missing_parents_and_Move_renames_a_folder_whole_into_them()
    {
        var source = Path.Combine(_root, ".staging", "7");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "experiment.json"), "{}");
        var target = Path.Combine(_root, "1", "submitted", "7");

        DurableDirectory.Create(Path.GetDirectoryName(target)!);
        DurableDirectory.Create(Path.GetDirectoryName(target)!);
        DurableDirectory.Move(source, target);

        Assert.False(Directory.Exists(source));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(target, "experiment.json")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
