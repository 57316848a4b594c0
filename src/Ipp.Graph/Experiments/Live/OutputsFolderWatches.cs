using System.Runtime.InteropServices;
using Ipp.Graph.Storage;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// The inotify watches of experiments' folders that <c>experimentOutputs</c> and <c>experimentLog</c> follow on this
/// instance: one inotify instance, made when the first subscription needs it, with a watch per followed folder
/// (never recursive) for as long as a subscription follows it, shared by the subscriptions of one folder. The
/// namespace watcher (<see cref="ContractFolderWatcher"/>) never looks inside an experiment's folder; these add at
/// most <see cref="LiveFilesOptions.MaxFolderWatches"/> watches. A watch follows its folder when the backend renames
/// it into another namespace (inotify watches the folder, not the path); a folder copied then deleted is watched
/// again at its new place by <see cref="Watch.Follow"/>. When the kernel refuses a watch, the subscription still
/// looks every <see cref="LiveFilesOptions.PollInterval"/>, with one warning.
/// </summary>
public sealed partial class OutputsFolderWatches : IDisposable
{
    private const uint Events = Inotify.Create | Inotify.Modify | Inotify.CloseWrite | Inotify.MovedTo | Inotify.MovedFrom | Inotify.Delete
        | Inotify.MoveSelf | Inotify.DeleteSelf | Inotify.OnlyDirectory | Inotify.DontFollow;

    private readonly LiveFilesOptions _options;
    private readonly string _root;
    private readonly ILogger<OutputsFolderWatches> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<int, HashSet<Watch>> _byWatch = [];
    private int _instance = -1;
    private int _taken;
    private bool _refusalLogged;
    private volatile bool _stopping;
    private Thread? _reader;

    public OutputsFolderWatches(IOptions<LiveFilesOptions> options, UploadFolder uploads, ILogger<OutputsFolderWatches> logger)
    {
        _options = options.Value;
        _root = uploads.Root;
        _logger = logger;
    }

    /// <summary>How many subscriptions follow a folder now (tests wait on it).</summary>
    public int Count => Volatile.Read(ref _taken);

    /// <summary>
    /// A place among the <see cref="LiveFilesOptions.MaxFolderWatches"/> for one subscription, which
    /// <paramref name="changed"/> is called for (on the watches' thread) when its folder changes; null when all are
    /// taken. Disposing it gives the place back.
    /// </summary>
    public Watch? TryTake(Action changed)
    {
        if (Interlocked.Increment(ref _taken) > _options.MaxFolderWatches)
        {
            Interlocked.Decrement(ref _taken);
            return null;
        }

        return new Watch(this, changed);
    }

    public void Dispose()
    {
        int instance;
        lock (_lock)
        {
            _stopping = true;
            instance = _instance;
        }

        if (_reader is null || instance < 0)
        {
            return;
        }

        // A watch added and removed queues an event, which wakes the reader (blocked in read) to see it must stop.
        var wake = Inotify.AddWatch(instance, _root, Inotify.DeleteSelf | Inotify.OnlyDirectory);
        if (wake >= 0)
        {
            Inotify.RemoveWatch(instance, wake);
        }

        _reader.Join(TimeSpan.FromSeconds(5));
    }

    /// <summary>Moves <paramref name="watch"/> from the folder it watched to <paramref name="path"/> (null: none).</summary>
    private void Move(Watch watch, string? path)
    {
        lock (_lock)
        {
            var target = path is null || _stopping ? -1 : AddWatch(path);
            if (target == watch.Descriptor)
            {
                return;
            }

            Leave(watch);
            if (target >= 0)
            {
                if (!_byWatch.TryGetValue(target, out var watchers))
                {
                    _byWatch[target] = watchers = [];
                }

                watchers.Add(watch);
                watch.Descriptor = target;
            }
        }
    }

    /// <summary>Takes <paramref name="watch"/> off its folder, removing the folder's watch when no one else follows it. Under the lock.</summary>
    private void Leave(Watch watch)
    {
        if (watch.Descriptor >= 0 && _byWatch.TryGetValue(watch.Descriptor, out var watchers) && watchers.Remove(watch) && watchers.Count == 0)
        {
            _byWatch.Remove(watch.Descriptor);
            Inotify.RemoveWatch(_instance, watch.Descriptor);
        }

        watch.Descriptor = -1;
    }

    /// <summary>The watch descriptor of <paramref name="path"/> (the same for a folder watched already), or -1. Under the lock.</summary>
    private int AddWatch(string path)
    {
        if (_instance < 0 && !Start())
        {
            return -1;
        }

        var descriptor = Inotify.AddWatch(_instance, path, Events);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error is not (Inotify.ENOENT or Inotify.ENOTDIR))
            {
                Refused(error == Inotify.ENOSPC ? "the user has as many inotify watches as fs.inotify.max_user_watches allows" : Marshal.GetPInvokeErrorMessage(error));
            }
        }

        return descriptor;
    }

    /// <summary>Makes the inotify instance and its reader; false when the kernel refuses one. Under the lock.</summary>
    private bool Start()
    {
        if (_refusalLogged && _reader is null)
        {
            return false;
        }

        _instance = Inotify.Init();
        if (_instance < 0)
        {
            Refused(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
            return false;
        }

        _reader = new Thread(ReadEvents) { IsBackground = true, Name = "Ipp.Graph experiment folder watches" };
        _reader.Start();
        return true;
    }

    private void Refused(string reason)
    {
        if (!_refusalLogged)
        {
            _refusalLogged = true;
            WatchRefused(_logger, reason, _options.PollInterval);
        }
    }

    private void ReadEvents()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (!_stopping)
            {
                var read = Inotify.Read(_instance, buffer);
                if (read < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Inotify.EINTR)
                    {
                        continue;
                    }

                    return;
                }

                var changed = new HashSet<Watch>();
                lock (_lock)
                {
                    foreach (var change in Inotify.Parse(buffer.AsSpan(0, read)))
                    {
                        if (change.Is(Inotify.QueueOverflow))
                        {
                            changed.UnionWith(_byWatch.Values.SelectMany(watchers => watchers));
                        }
                        else if (_byWatch.TryGetValue(change.Watch, out var watchers))
                        {
                            changed.UnionWith(watchers);
                            if (change.Is(Inotify.Ignored))
                            {
                                // The folder was deleted (copied elsewhere first, as some backends move): each
                                // subscription watches it again where it finds it.
                                _byWatch.Remove(change.Watch);
                                foreach (var watch in watchers)
                                {
                                    watch.Descriptor = -1;
                                }
                            }
                        }
                    }
                }

                foreach (var watch in changed)
                {
                    watch.Changed();
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                Inotify.Close(_instance);
                _instance = -1;
                _byWatch.Clear();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The kernel refused a watch of an experiment's folder ({Reason}); live outputs and logs are looked for every {Interval} instead.")]
    private static partial void WatchRefused(ILogger logger, string reason, TimeSpan interval);

    /// <summary>One subscription's place: the folder it follows, and whom to tell when it changes.</summary>
    public sealed class Watch : IDisposable
    {
        private readonly OutputsFolderWatches _owner;
        private readonly Action _changed;
        private string? _path;
        private bool _disposed;

        internal Watch(OutputsFolderWatches owner, Action changed)
        {
            _owner = owner;
            _changed = changed;
        }

        /// <summary>The inotify watch descriptor of the folder followed; -1 for none. Changed under the owner's lock.</summary>
        internal int Descriptor { get; set; } = -1;

        internal void Changed() => _changed();

        /// <summary>
        /// Follows the folder at <paramref name="path"/> (null: none now), watching it unless it is watched already;
        /// called by the subscription each time it looks, so a folder that reappeared elsewhere is watched there.
        /// </summary>
        public void Follow(string? path)
        {
            if (_disposed || (path == _path && Descriptor >= 0))
            {
                return;
            }

            _path = path;
            _owner.Move(this, path);
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            lock (_owner._lock)
            {
                _owner.Leave(this);
            }

            Interlocked.Decrement(ref _owner._taken);
        }
    }
}
