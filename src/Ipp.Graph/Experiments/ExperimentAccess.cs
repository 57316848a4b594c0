using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments;

/// <summary>
/// The experiments a caller may read or change, as the <see cref="AccessPolicy"/> decides (with experiments'
/// permissions, those the caller owns), never one still being created (Staging): every query of the feature that
/// answers a caller starts here, so none can forget whose experiments it may return.
/// </summary>
public sealed class ExperimentAccess(AccessPolicy policy, IDbContextFactory<IppDbContext> databases)
{
    /// <summary>The experiments of <paramref name="db"/> the caller may do <paramref name="permission"/> to.</summary>
    public IQueryable<Experiment> Reachable(IppDbContext db, SignedInCaller caller, Permission permission) =>
        db.Experiments.AsNoTracking()
            .Where(policy.Reachable<Experiment>(caller, permission, e => e.UserId))
            .Where(e => e.Status != ExperimentStatus.Staging);

    /// <summary>The experiment with this eid when the caller may do <paramref name="permission"/> to it; null otherwise.</summary>
    public async ValueTask<Experiment?> FindAsync(long experimentId, SignedInCaller caller, Permission permission, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await Reachable(db, caller, permission).FirstOrDefaultAsync(e => e.Id == experimentId, cancellationToken);
    }
}
