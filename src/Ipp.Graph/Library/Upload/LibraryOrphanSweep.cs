using Ipp.Graph.Data;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Library.Upload;

/// <summary>
/// Removes from the blob store what failed uploads left, at start and every <see cref="LibraryOptions.SweepInterval"/>:
/// blobs that neither a <c>library_files</c> row nor an image experiment's input names (<see cref="NamedBlobs"/>: a
/// crash came between their write and the entries' record, or a deletion could not remove them) and writes
/// that never finished (<see cref="IBlobStore.RemoveAbandonedUploadsAsync"/>), both only once older than
/// <see cref="LibraryOptions.OrphanGrace"/>, by far longer than an upload takes from its first blob to its record, so
/// that one being recorded is never touched. Safe with several instances: each sweeps on its own, and a blob removed
/// by two is removed once.
/// </summary>
public sealed partial class LibraryOrphanSweep(
    IBlobStore blobs,
    IDbContextFactory<IppDbContext> databases,
    TimeProvider time,
    IOptions<LibraryOptions> options,
    ILogger<LibraryOrphanSweep> logger) : BackgroundService
{
    /// <summary>How many listed keys are looked up in one query.</summary>
    private const int KeysPerQuery = 500;

    private readonly LibraryOptions _options = options.Value;

    /// <summary>Sweeps once and returns what it removed: blobs no entry records, and unfinished writes.</summary>
    public async Task<(int Orphans, int Abandoned)> SweepAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - _options.OrphanGrace;
        var abandoned = await blobs.RemoveAbandonedUploadsAsync(before, cancellationToken);
        var orphans = 0;
        var old = new List<BlobKey>(KeysPerQuery);
        await foreach (var blob in blobs.ListAsync(cancellationToken))
        {
            // A blob whose store does not say when it was written is kept: it might be an upload being recorded.
            if (blob.LastModified < before)
            {
                old.Add(blob.Key);
            }

            if (old.Count == KeysPerQuery)
            {
                orphans += await RemoveUnrecordedAsync(old, cancellationToken);
                old.Clear();
            }
        }

        orphans += await RemoveUnrecordedAsync(old, cancellationToken);
        LogSwept(logger, orphans, abandoned, before);
        return (orphans, abandoned);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (StorageUnavailableException failure)
            {
                // The store is down: the next sweep tries again.
                failure.Log(logger);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                // The database failing, say: the server goes on, and so does the next sweep.
                LogFailed(logger, failure);
            }
        }
        while (_options.SweepInterval > TimeSpan.Zero && await WaitAsync(_options.SweepInterval, stoppingToken));
    }

    /// <summary>Deletes the blobs of <paramref name="keys"/> that no library file and no experiment's input names; how many.</summary>
    private async Task<int> RemoveUnrecordedAsync(List<BlobKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        HashSet<string> recorded;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            recorded = await NamedBlobs.AmongAsync(db, [.. keys.Select(key => key.Value)], cancellationToken);
        }

        var removed = 0;
        foreach (var key in keys.Where(key => !recorded.Contains(key.Value)))
        {
            try
            {
                await blobs.DeleteAsync(key, cancellationToken);
                removed++;
            }
            catch (StorageUnavailableException failure)
            {
                // Another instance's sweep removing it at the same moment (a WebDAV server may answer 423 Locked), or
                // the store failing: the next sweep tries again.
                LogNotRemoved(logger, key.Value, failure.Message);
            }
        }

        return removed;
    }

    /// <summary>Waits <paramref name="interval"/>; false once the server stops.</summary>
    private async Task<bool> WaitAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(interval, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The library's sweep removed {Orphans} blobs no entry records and {Abandoned} unfinished uploads, all from before {Before}.")]
    private static partial void LogSwept(ILogger logger, int orphans, int abandoned, DateTimeOffset before);

    [LoggerMessage(Level = LogLevel.Error, Message = "The library's sweep failed; the next one tries again.")]
    private static partial void LogFailed(ILogger logger, Exception failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The library's sweep could not remove the unrecorded blob {Key} (the next sweep tries again): {Reason}")]
    private static partial void LogNotRemoved(ILogger logger, string key, string reason);
}
