using Ipp.Graph.Data;
using Ipp.Graph.Picas.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Picas;

/// <summary>
/// Where a feature puts a token for the pool: <see cref="Add"/> writes it to the outbox table through the caller's own
/// context, so it is saved in the caller's transaction with what it stands for (both or neither), and
/// <see cref="Wake"/>, after the commit, has <see cref="PicasOutboxWorker"/> post it at once instead of at its next
/// round. Registered only when a pool is configured.
/// </summary>
public sealed class PicasOutbox(TimeProvider clock)
{
    /// <summary>What a withheld row's <see cref="PicasOutboxEntry.LastFailure"/> says.</summary>
    public const string WithheldNote = "withheld: its task was cancelled before it was posted";

    /// <summary>The next attempt of a withheld row: never (a date every database stores as it is).</summary>
    internal static readonly DateTime Never = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

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

    /// <summary>
    /// Takes back a token not yet posted, in the caller's transaction on <paramref name="db"/>: its row is parked
    /// (its next attempt in the year 9999, <see cref="PicasOutboxEntry.LastFailure"/> saying why), so
    /// no worker takes it again and its document stays for <see cref="RequeueAsync"/>. False when it was posted already
    /// (or is not there): then it is the pool's. A worker that read the row before still posts it, finds the row
    /// withheld when it comes to mark it posted, and deletes the token again while it waits unclaimed.
    /// </summary>
    public async Task<bool> TryWithholdAsync(IppDbContext db, string tokenId, CancellationToken cancellationToken) =>
        await db.Set<PicasOutboxEntry>()
            .Where(e => e.TokenId == tokenId && e.PostedAt == null)
            .ExecuteUpdateAsync(
                set => set.SetProperty(e => e.NextAttemptAt, Never).SetProperty(e => e.LastFailure, WithheldNote),
                cancellationToken) > 0;

    /// <summary>
    /// Makes a token posted before, or withheld, due again under its id (CouchDB makes a deleted document anew), in
    /// the caller's transaction on <paramref name="db"/>; <see cref="Wake"/> after the commit. False when the outbox has
    /// no row for it.
    /// </summary>
    public async Task<bool> RequeueAsync(IppDbContext db, string tokenId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNowToMillisecond();
        return await db.Set<PicasOutboxEntry>()
            .Where(e => e.TokenId == tokenId)
            .ExecuteUpdateAsync(
                set => set.SetProperty(e => e.PostedAt, (DateTime?)null).SetProperty(e => e.NextAttemptAt, now)
                    .SetProperty(e => e.Attempts, 0).SetProperty(e => e.LastFailure, (string?)null),
                cancellationToken) > 0;
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
