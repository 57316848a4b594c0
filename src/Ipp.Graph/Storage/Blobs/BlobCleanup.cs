namespace Ipp.Graph.Storage.Blobs;

/// <summary>Deleting blobs nothing records any more, where a failure must not undo what was decided.</summary>
public static class BlobCleanup
{
    /// <summary>
    /// Deletes each blob of <paramref name="keys"/>, whatever the caller's cancellation (the decision is taken); one
    /// the store cannot delete now is logged and left to the orphan sweep (<c>LibraryOrphanSweep</c>).
    /// </summary>
    public static async Task DeleteOrLeaveToSweepAsync(this IBlobStore blobs, IEnumerable<BlobKey> keys, ILogger logger)
    {
        foreach (var key in keys)
        {
            try
            {
                await blobs.DeleteAsync(key, CancellationToken.None);
            }
            catch (StorageUnavailableException failure)
            {
                failure.Log(logger);
            }
        }
    }
}
