using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ipp.Graph.Data;

/// <summary>
/// Transactions that read a user's rows and then write them as one step (a quota sum and the insert it allows, a
/// status and the event recording its change, a session and the one replacing it): one such writer per user at a
/// time, on every instance, so what it read cannot change before it writes.
/// </summary>
public static class UserTransactions
{
    /// <summary>
    /// Begins the transaction and waits until it is the user's only writer. SQLite: <c>BEGIN IMMEDIATE</c> (what a
    /// serializable transaction is there), holding the database's single write lock from the first statement.
    /// PostgreSQL: read committed with the user's row locked first (<c>SELECT … FOR NO KEY UPDATE</c>), which every
    /// other writer of the user waits for until this one commits; writers of other users go on side by side. Since a
    /// user's writers take turns, the ids of the user's status events are handed out in commit order, which the
    /// subscription's replay relies on (<c>Experiments/Live/EventCursor</c>).
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(IppDbContext db, long userId, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        }

        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT id FROM users WHERE id = {userId} FOR NO KEY UPDATE", cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
