using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Tokens;

/// <summary>
/// The blobs the inputs of an experiment on a container image read (<see cref="ExperimentInput.BlobKey"/>), released
/// when the experiment is deleted: once its rows are gone, each blob that no library file and no other experiment's
/// input names (<see cref="NamedBlobs"/>, whose argument says why nothing can name it again) is deleted. Both steps
/// come after the deletion's commit and never undo it: a failure is logged and the blob left to the orphan sweep
/// (<c>LibraryOrphanSweep</c>), as is a blob an entry's deletion at the same moment still saw named by this experiment.
/// </summary>
public sealed partial class ImageInputBlobs(IDbContextFactory<IppDbContext> databases, IBlobStore blobs, ILogger<ImageInputBlobs> logger)
{
    /// <summary>The blobs the inputs of experiment <paramref name="experimentId"/> name (none for a folder's experiment).</summary>
    public async Task<List<string>> OfAsync(long experimentId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ExperimentInputs.Where(i => i.ExperimentId == experimentId && i.BlobKey != null).Select(i => i.BlobKey!).Distinct()
            .ToListAsync(cancellationToken);
    }

    /// <summary>After the experiment's deletion: deletes the blobs of <paramref name="keys"/> nothing names any more.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        HashSet<string> named;
        try
        {
            await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
            named = await NamedBlobs.AmongAsync(db, keys, CancellationToken.None);
        }
        catch (Exception failure)
        {
            LogNotReleased(logger, keys.Count, failure);
            return;
        }

        await blobs.DeleteOrLeaveToSweepAsync(keys.Where(key => !named.Contains(key)).Select(BlobKey.Parse), logger);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Count} blobs a deleted experiment's inputs read were not released (the orphan sweep removes those nothing names).")]
    private static partial void LogNotReleased(ILogger logger, int count, Exception failure);
}
