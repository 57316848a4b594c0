namespace Ipp.Graph.Storage;

/// <summary>
/// Runs file-system work that blocks (copies, renames, the fsyncs of <see cref="DurableDirectory"/>) on a thread of
/// its own. On the thread pool, twenty submissions at once, each waiting for the disk a few milliseconds, took every
/// worker of a two-core machine, and everything else (live events, other requests) waited behind them: the pool adds
/// workers for blocked ones only slowly.
/// </summary>
public static class BlockingFileWork
{
    /// <summary>Runs <paramref name="work"/> on a new thread; its exception, if any, is the task's.</summary>
    public static Task RunAsync(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
}
