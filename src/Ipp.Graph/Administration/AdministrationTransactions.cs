using Ipp.Graph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ipp.Graph.Administration;

/// <summary>
/// Transactions of administrative changes to a user: one of the user's writers (<see cref="UserTransactions"/>, so a
/// sign-in of the user waits for it or comes first), and the only administrative writer at a time, so what decides
/// whether a change leaves an administrator (how many there are) cannot change before it commits: of two
/// administrators revoking each other's ADMIN at once, the second sees the first's change. SQLite's write lock is
/// one already; on PostgreSQL a transaction advisory lock (released at commit) is taken after the user's row.
/// </summary>
public static class AdministrationTransactions
{
    /// <summary>The advisory lock's key ("IPPA"): administration's, apart from the other uses of such locks.</summary>
    private const long Key = 0x49505041;

    public static async Task<IDbContextTransaction> BeginAsync(IppDbContext db, long userId, CancellationToken cancellationToken)
    {
        var transaction = await UserTransactions.BeginAsync(db, userId, cancellationToken);
        if (db.Database.IsNpgsql())
        {
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key})", cancellationToken);
            }
            catch
            {
                await transaction.DisposeAsync();
                throw;
            }
        }

        return transaction;
    }
}
