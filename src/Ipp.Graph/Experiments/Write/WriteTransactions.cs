using System.Data;
using Ipp.Graph.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ipp.Graph.Experiments.Write;

/// <summary>Transactions that read and then write as one step.</summary>
internal static class WriteTransactions
{
    /// <summary>
    /// Begins a transaction that holds the database's write lock from its first statement (SQLite's
    /// <c>BEGIN IMMEDIATE</c>, which a serializable transaction is), so what it reads cannot change before it writes:
    /// a quota sum and the insert it allows, a status and the change that depends on it.
    /// </summary>
    public static Task<IDbContextTransaction> BeginAsync(IppDbContext db, CancellationToken cancellationToken) =>
        db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
}
