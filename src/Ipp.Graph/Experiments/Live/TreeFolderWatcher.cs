namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// Watches the whole uploads tree with a <see cref="FileSystemWatcher"/> with subdirectories, where the system
/// watches a tree at the cost of one handle (Windows, macOS); on Linux <see cref="ContractFolderWatcher"/> watches
/// instead, since a FileSystemWatcher there holds an inotify watch for every folder of the tree. Each changed path
/// is reported as what it concerns (<see cref="ExperimentFolders.ScopeOf"/>); lost events as such.
/// </summary>
internal sealed class TreeFolderWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;

    public TreeFolderWatcher(string root, ExperimentFolders folders, Action<FolderScope> changed, Action<Exception> lost)
    {
        _watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.DirectoryName | NotifyFilters.FileName,
            InternalBufferSize = 64 * 1024,
        };

        void Report(string path)
        {
            if (folders.ScopeOf(path) is { } scope)
            {
                changed(scope);
            }
        }

        _watcher.Created += (_, e) => Report(e.FullPath);
        _watcher.Deleted += (_, e) => Report(e.FullPath);
        _watcher.Renamed += (_, e) =>
        {
            Report(e.OldFullPath);
            Report(e.FullPath);
        };
        _watcher.Error += (_, e) => lost(e.GetException());
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose() => _watcher.Dispose();
}
