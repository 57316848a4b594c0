using Ipp.Graph.Data;
using Ipp.Graph.Picas.Entities;

namespace Ipp.Graph.Picas;

/// <summary>
/// Where a feature puts a token for the pool: <see cref="Add"/> writes it to the outbox table through the caller's own
/// context, so it is saved in the caller's transaction with what it stands for (both or neither), and
/// <see cref="Wake"/>, after the commit, has <see cref="PicasOutboxWorker"/> post it at once instead of at its next
/// round. Registered only when a pool is configured.
/// </summary>
public sealed class PicasOutbox(TimeProvider clock)
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Adds <paramref name="task"/>'s token to <paramref name="db"/>; the caller saves (and commits).</summary>
    public PicasOutboxEntry Add(IppDbContext db, PicasTask task)
    {
        var now = clock.UtcNowToMillisecond();
        var entry = new PicasOutboxEntry
        {
            TokenId = task.TokenId,
            Document = PicasTokenDocument.Create(task).ToJsonString(),
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.Set<PicasOutboxEntry>().Add(entry);
        return entry;
    }

    /// <summary>Tells the worker tokens are waiting (call it after the commit).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the next round takes every waiting token.
        }
    }

    /// <summary>Completes when <see cref="Wake"/> was called or <paramref name="timeout"/> passed.</summary>
    internal Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
