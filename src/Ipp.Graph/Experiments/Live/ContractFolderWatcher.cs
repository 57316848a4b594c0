using System.Runtime.InteropServices;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Storage;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// Watches, on Linux, exactly the folders where the folder contract's moves show: the uploads root (users' folders
/// appearing and leaving), each user's folder (namespaces appearing and leaving) and each namespace folder
/// (experiments' folders arriving and leaving, whether by a rename or by a copy then a delete). Never inside an
/// experiment's folder: the inotify watches number 1 + users + their namespace folders, however many experiments
/// there are. (A <see cref="FileSystemWatcher"/> with subdirectories holds a watch per folder of the whole tree,
/// which at a portal's scale passes the kernel's per-user limit; one FileSystemWatcher per folder costs kilobytes
/// each.) One thread reads the events and reports what each concerns; the server's dot-folders are not watched.
/// When the kernel refuses a watch (its limit, <c>fs.inotify.max_user_watches</c>) or an instance
/// (<c>fs.inotify.max_user_instances</c>), the watcher stops and says why: the caller falls back to scans.
/// </summary>
internal sealed class ContractFolderWatcher : IDisposable
{
    private const uint Events = Inotify.Create | Inotify.Delete | Inotify.MovedFrom | Inotify.MovedTo | Inotify.OnlyDirectory | Inotify.DontFollow;

    private readonly string _root;
    private readonly Action<FolderScope> _changed;
    private readonly Action _lost;
    private readonly Action<string> _refused;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Folder> _byWatch = [];
    private readonly Dictionary<string, int> _byPath = new(StringComparer.Ordinal);
    private int _instance = -1;
    private Thread? _reader;
    private volatile bool _stopping;

    private ContractFolderWatcher(string root, Action<FolderScope> changed, Action lost, Action<string> refused, ILogger logger)
    {
        _root = root;
        _changed = changed;
        _lost = lost;
        _refused = refused;
        _logger = logger;
    }

    /// <summary>
    /// Starts watching <paramref name="uploads"/>: <paramref name="changed"/> gets what each change concerns,
    /// <paramref name="lost"/> is called when events were lost (everything must be checked), and
    /// <paramref name="refused"/>, once, with the reason when the kernel refuses what watching needs (at start or
    /// later, as users' folders appear); the watcher has then stopped. Callbacks run on the watcher's thread.
    /// </summary>
    public static ContractFolderWatcher Start(
        UploadFolder uploads, Action<FolderScope> changed, Action lost, Action<string> refused, ILogger logger)
    {
        var watcher = new ContractFolderWatcher(uploads.Root, changed, lost, refused, logger);
        watcher._instance = Inotify.Init();
        if (watcher._instance < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            watcher.Refuse(error == Inotify.EMFILE
                ? "the kernel refused an inotify instance: the user has as many as fs.inotify.max_user_instances allows"
                : $"the kernel refused an inotify instance: {Marshal.GetPInvokeErrorMessage(error)}");
            return watcher;
        }

        if (watcher.WatchTree())
        {
            watcher._reader = new Thread(watcher.ReadEvents) { IsBackground = true, Name = "Ipp.Graph folder watcher" };
            watcher._reader.Start();
        }

        return watcher;
    }

    public void Dispose()
    {
        _stopping = true;
        int rootWatch;
        lock (_lock)
        {
            rootWatch = _byPath.GetValueOrDefault(_root, -1);
        }

        if (_reader is null)
        {
            CloseInstance();
            return;
        }

        // Removing a watch queues an event, which wakes the reader (blocked in read) to see it must stop; it closes
        // the instance on its way out.
        if (rootWatch >= 0)
        {
            Inotify.RemoveWatch(_instance, rootWatch);
        }

        _reader.Join(TimeSpan.FromSeconds(5));
    }

    /// <summary>Watches the root, each user's folder and their namespace folders as they are now; false when refused.</summary>
    private bool WatchTree()
    {
        var refusal = Watch(_root, Folder.Root);
        if (refusal is null)
        {
            string[] users;
            try
            {
                users = Directory.GetDirectories(_root);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                users = [];
                _logger.LogWarning("Cannot list the users' folders of {Root}: {Reason}", _root, exception.Message);
            }

            foreach (var user in users)
            {
                if (ExperimentFolders.TryParseId(Path.GetFileName(user), out var userId) && WatchUser(userId) is { } userRefusal)
                {
                    refusal = userRefusal;
                    break;
                }
            }
        }

        if (refusal is null)
        {
            return true;
        }

        Refuse(refusal);
        return false;
    }

    /// <summary>Watches a user's folder, then each namespace folder in it; the refusal, if the kernel refused one.</summary>
    private string? WatchUser(long userId)
    {
        var folder = Folder.OfUser(userId);
        if (Watch(UserPath(userId), folder) is { } refusal)
        {
            return refusal;
        }

        foreach (var status in ExperimentStatusNames.Namespaces)
        {
            if (Watch(NamespacePath(userId, status), Folder.OfNamespace(userId, status)) is { } namespaceRefusal)
            {
                return namespaceRefusal;
            }
        }

        return null;
    }

    /// <summary>
    /// Adds the watch of <paramref name="path"/>; null when it is watched or does not exist (any more), the reason
    /// when the kernel refused it. A folder it cannot watch for another reason (permissions) is logged and left to
    /// the scans.
    /// </summary>
    private string? Watch(string path, Folder folder)
    {
        var watch = Inotify.AddWatch(_instance, path, Events);
        if (watch < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error == Inotify.ENOSPC)
            {
                return $"the kernel refused to watch more folders: the user has as many inotify watches as fs.inotify.max_user_watches allows (watching needs one per user folder and per namespace folder)";
            }

            if (error is not (Inotify.ENOENT or Inotify.ENOTDIR))
            {
                _logger.LogWarning("Cannot watch {Folder}: {Reason}; the reconciliation scan covers it", path, Marshal.GetPInvokeErrorMessage(error));
            }

            return null;
        }

        lock (_lock)
        {
            _byWatch[watch] = folder;
            _byPath[path] = watch;
        }

        return null;
    }

    /// <summary>Stops watching <paramref name="path"/> and every folder below it (a user's folder moved or deleted).</summary>
    private void Forget(string path)
    {
        lock (_lock)
        {
            var below = path + Path.DirectorySeparatorChar;
            foreach (var (watchedPath, watch) in _byPath.Where(entry => entry.Key == path || entry.Key.StartsWith(below, StringComparison.Ordinal)).ToList())
            {
                // A deleted folder's watch is gone already (the kernel says so with an Ignored event); a moved one's
                // would follow the folder elsewhere.
                Inotify.RemoveWatch(_instance, watch);
                _byPath.Remove(watchedPath);
                _byWatch.Remove(watch);
            }
        }
    }

    private void ReadEvents()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!_stopping)
            {
                var read = Inotify.Read(_instance, buffer);
                if (read < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error == Inotify.EINTR)
                    {
                        continue; // A signal arrived: read again.
                    }

                    _logger.LogWarning("Reading the events of {Root} failed: {Reason}; the reconciliation scan takes over", _root, Marshal.GetPInvokeErrorMessage(error));
                    _lost();
                    return;
                }

                foreach (var change in Inotify.Parse(buffer.AsSpan(0, read)))
                {
                    if (_stopping || !Handle(change))
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            CloseInstance();
        }
    }

    /// <summary>Reports what one event concerns, and follows users' and namespace folders appearing and leaving; false to stop.</summary>
    private bool Handle(Inotify.Event change)
    {
        if (change.Is(Inotify.QueueOverflow))
        {
            // Folders may have appeared unseen: watch what is there now, then have everything checked.
            var watching = WatchTree();
            _lost();
            return watching;
        }

        Folder folder;
        lock (_lock)
        {
            if (!_byWatch.TryGetValue(change.Watch, out folder))
            {
                return true; // A watch forgotten a moment ago.
            }

            if (change.Is(Inotify.Ignored))
            {
                _byWatch.Remove(change.Watch);
                _byPath.Remove(PathOf(folder));
                if (folder.IsRoot)
                {
                    _logger.LogWarning("The uploads folder {Root} is gone; its changes are no longer watched", _root);
                    return false;
                }

                return true;
            }
        }

        // A folder arrives by its creation or by a move into the watched folder; anything else is a departure.
        var arrived = change.Is(Inotify.Create | Inotify.MovedTo);
        return folder.IsRoot ? OnUserFolder(change.Name, arrived)
            : folder.Namespace is null ? OnNamespaceFolder(folder.UserId, change.Name, arrived)
            : OnExperimentFolder(folder.UserId, change.Name);
    }

    /// <summary>A user's folder came or went: watched or forgotten, and all their experiments checked; false to stop.</summary>
    private bool OnUserFolder(string name, bool arrived)
    {
        if (!ExperimentFolders.TryParseId(name, out var userId))
        {
            return true; // The server's dot-folders, or nothing of the contract.
        }

        if (!arrived)
        {
            Forget(UserPath(userId));
        }
        else if (WatchUser(userId) is { } refusal)
        {
            Refuse(refusal);
            return false;
        }

        _changed(FolderScope.OfUser(userId));
        return true;
    }

    /// <summary>A namespace folder came or went: watched or forgotten, and the user's experiments checked; false to stop.</summary>
    private bool OnNamespaceFolder(long userId, string name, bool arrived)
    {
        if (!ExperimentStatusNames.TryParse(name, out var status) || status == ExperimentStatus.Staging)
        {
            return true;
        }

        var path = NamespacePath(userId, status);
        if (!arrived)
        {
            Forget(path);
        }
        else if (Watch(path, Folder.OfNamespace(userId, status)) is { } refusal)
        {
            Refuse(refusal);
            return false;
        }

        _changed(FolderScope.OfUser(userId));
        return true;
    }

    /// <summary>An experiment's folder arrived in or left a namespace: the experiment is checked.</summary>
    private bool OnExperimentFolder(long userId, string name)
    {
        if (ExperimentFolders.TryParseId(name, out var experimentId))
        {
            _changed(FolderScope.OfExperiment(userId, experimentId));
        }

        return true;
    }

    /// <summary>Stops watching and tells why.</summary>
    private void Refuse(string reason)
    {
        _stopping = true;
        lock (_lock)
        {
            _byWatch.Clear();
            _byPath.Clear();
        }

        if (_reader is null)
        {
            CloseInstance();
        }

        _refused(reason);
    }

    private void CloseInstance()
    {
        lock (_lock)
        {
            if (_instance >= 0)
            {
                Inotify.Close(_instance);
                _instance = -1;
            }

            _byWatch.Clear();
            _byPath.Clear();
        }
    }

    private string UserPath(long userId) => Path.Combine(_root, userId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private string NamespacePath(long userId, ExperimentStatus status) => Path.Combine(UserPath(userId), status.ToName());

    private string PathOf(Folder folder) =>
        folder.IsRoot ? _root : folder.Namespace is { } status ? NamespacePath(folder.UserId, status) : UserPath(folder.UserId);

    /// <summary>A watched folder: the root (user 0), a user's folder, or one of their namespace folders.</summary>
    private readonly record struct Folder(long UserId, ExperimentStatus? Namespace)
    {
        public static Folder Root => default;

        public bool IsRoot => UserId == 0;

        public static Folder OfUser(long userId) => new(userId, null);

        public static Folder OfNamespace(long userId, ExperimentStatus status) => new(userId, status);
    }
}
