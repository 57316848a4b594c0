using System.Threading.Channels;
using Ipp.Graph.Storage;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// Keeps experiments' statuses in line with their folders while the server runs. A watcher on <c>UPLOAD_FOLDER</c>
/// (<see cref="ContractFolderWatcher"/> on Linux, <see cref="TreeFolderWatcher"/> elsewhere) notices experiments'
/// folders arriving in and leaving namespaces; each change marks what it concerns (<see cref="FolderScope"/>) for a
/// check after a short quiet time, so a burst (a folder copied, then the old one deleted) makes one check. The
/// watcher is not trusted alone: a full reconciliation runs at start (after the database migrations, before requests
/// are served), when the watcher lost events and every <see cref="LiveOptions.ReconcileInterval"/>. When the kernel
/// refuses the watches the watcher needs, watching stops with one warning, and the reconciliation alone brings
/// changes. One loop runs the checks, one after another.
/// </summary>
internal sealed class FolderMonitor : IHostedService, IAsyncDisposable
{
    /// <summary>How long changes to one experiment's folders must pause before it is checked.</summary>
    private static readonly TimeSpan s_quietTime = TimeSpan.FromMilliseconds(20);

    private readonly UploadFolder _uploads;
    private readonly ExperimentFolders _folders;
    private readonly FolderStatusSync _sync;
    private readonly LiveOptions _options;
    private readonly ILogger<FolderMonitor> _logger;
    private readonly Channel<FolderScope> _due = Channel.CreateUnbounded<FolderScope>(new() { SingleReader = true });
    private readonly HashSet<FolderScope> _waiting = [];
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _watcher;
    private Task _checks = Task.CompletedTask;
    private Task _timer = Task.CompletedTask;

    public FolderMonitor(UploadFolder uploads, ExperimentFolders folders, FolderStatusSync sync, IOptions<LiveOptions> options, ILogger<FolderMonitor> logger)
    {
        _uploads = uploads;
        _folders = folders;
        _sync = sync;
        _options = options.Value;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Watch first, then scan: a move during the scan is seen by one or the other (or both: recorded once).
        if (_options.WatchFolders)
        {
            _watcher = StartWatcher();
        }

        await _sync.ReconcileAsync(cancellationToken);
        _checks = RunChecksAsync(_stopping.Token);
        if (_options.ReconcileInterval > TimeSpan.Zero)
        {
            _timer = RunTimerAsync(_options.ReconcileInterval, _stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        await _stopping.CancelAsync();
        _due.Writer.TryComplete();
        await Task.WhenAll(_checks, _timer).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        _stopping.Dispose();
    }

    /// <summary>Marks <paramref name="scope"/> for a check once its folders have been quiet for a moment.</summary>
    private void Notice(FolderScope scope)
    {
        lock (_waiting)
        {
            if (!_waiting.Add(scope))
            {
                return; // Already waiting: this change is part of the same burst.
            }
        }

        _ = DueAfterQuietTimeAsync(scope);
    }

    private async Task DueAfterQuietTimeAsync(FolderScope scope)
    {
        try
        {
            await Task.Delay(s_quietTime, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        _due.Writer.TryWrite(scope);
    }

    private async Task RunChecksAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var scope in _due.Reader.ReadAllAsync(cancellationToken))
            {
                lock (_waiting)
                {
                    // From now on a change is news to this check: it marks the scope again.
                    _waiting.Remove(scope);
                }

                var deferred = new List<FolderScope>();
                try
                {
                    await _sync.SyncAsync(scope, deferred, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _logger.LogError(exception, "Checking experiments' folders failed; the next reconciliation retries");
                }

                foreach (var busy in deferred)
                {
                    Notice(busy); // The writer is moving it: look again once it is done.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
    }

    private async Task RunTimerAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Notice(FolderScope.Everything);
            }
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
    }

    private IDisposable StartWatcher()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new TreeFolderWatcher(_uploads.Root, _folders, Notice, OnEventsLost);
        }

        return ContractFolderWatcher.Start(_uploads, Notice, () => OnEventsLost(null), OnWatchingRefused, _logger);
    }

    private void OnEventsLost(Exception? reason)
    {
        _logger.LogWarning(reason, "The watcher of the uploads folder lost events; reconciling every experiment");
        Notice(FolderScope.Everything);
    }

    /// <summary>
    /// The kernel refused what watching needs (the watcher says it once, and has stopped for good): from now on the
    /// reconciliation scan alone brings changes, so a status follows its folder within the scan's interval rather
    /// than at once. What was missed meanwhile is checked at once.
    /// </summary>
    private void OnWatchingRefused(string reason)
    {
        if (_options.ReconcileInterval > TimeSpan.Zero)
        {
            _logger.LogWarning(
                "Stopped watching {Root}: {Reason}. Experiments' statuses now follow their folders only through the reconciliation scan, every {Interval} (Experiments:ReconcileInterval), instead of within a moment; raise the kernel setting (sysctl) and restart the server to watch again",
                _uploads.Root, reason, _options.ReconcileInterval);
        }
        else
        {
            _logger.LogWarning(
                "Stopped watching {Root}: {Reason}. Experiments:ReconcileInterval is 0, so statuses no longer follow their folders until the server restarts; raise the kernel setting (sysctl) and restart the server to watch again, or set Experiments:ReconcileInterval",
                _uploads.Root, reason);
        }

        Notice(FolderScope.Everything);
    }
}
