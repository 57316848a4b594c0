using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Images.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Images;

/// <summary>
/// Which images a caller reaches, in one place for the list, the node and the mutations (as TrainMate's images
/// endpoint: maintainers all, others those linked to their roles). The permissions come from the
/// <see cref="AccessPolicy"/>: a holder of <see cref="Permission.ImagesManage"/> sees and changes every image (and sees
/// every one through a read-only token); a holder of <see cref="Permission.ImagesRead"/> sees those linked to one of
/// their roles; anyone else none. One SQL
/// condition, so the list filters and pages in the database, and an image out of reach answers as a missing one.
/// </summary>
public static class ImageVisibility
{
    /// <summary>The images the caller may see.</summary>
    public static IQueryable<ContainerImage> Seen(IppDbContext db, AccessPolicy policy, SignedInCaller caller)
    {
        var images = db.Set<ContainerImage>();
        if (policy.Holds(caller, Permission.ImagesManage))
        {
            return images;
        }

        if (!policy.Holds(caller, Permission.ImagesRead))
        {
            return images.Where(i => false);
        }

        // A read-only personal access token withholds images:manage, not what its user reads: a maintainer's token
        // sees every image, as their session does.
        if (caller.AccessToken is not null && policy.Holds(caller with { AccessToken = null }, Permission.ImagesManage))
        {
            return images;
        }

        var roles = caller.Roles.Select(RoleNames.NameOf).ToList();
        return images.Where(i => i.Roles.Any(r => roles.Contains(r.Role)));
    }

    /// <summary>
    /// The image <paramref name="imageKey"/> with its roles, untracked, when the caller may see (so use) it; null
    /// otherwise, when it was deleted, or for no key.
    /// </summary>
    public static Task<ContainerImage?> FindAsync(
        IppDbContext db, AccessPolicy policy, SignedInCaller caller, long? imageKey, CancellationToken cancellationToken) =>
        imageKey is { } key
            ? Seen(db, policy, caller).AsNoTracking().Include(i => i.Roles).FirstOrDefaultAsync(i => i.Id == key, cancellationToken)
            : Task.FromResult<ContainerImage?>(null);

    /// <summary>The images the caller may change: every one with <see cref="Permission.ImagesManage"/>, else none.</summary>
    public static IQueryable<ContainerImage> Managed(IppDbContext db, AccessPolicy policy, SignedInCaller caller)
    {
        var images = db.Set<ContainerImage>();
        return policy.Holds(caller, Permission.ImagesManage) ? images : images.Where(i => false);
    }
}
