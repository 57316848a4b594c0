using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Groups.Entities;
using Ipp.Graph.Library.Entities;

namespace Ipp.Graph.Library;

/// <summary>
/// Which library entries a caller reaches, in one place for every field, list and download. The permission comes
/// from the <see cref="AccessPolicy"/> (none without it); with it, a caller sees their own entries and those shared
/// with them or with a group they belong to, one by one or through a tag their owner put on them
/// (<see cref="LibraryShare"/>), and changes only their own. One SQL condition, so a list filters and pages in the
/// database; an entry the caller does not reach answers exactly as one that does not exist.
/// </summary>
public static class LibraryVisibility
{
    /// <summary>
    /// The entries the caller may see (<see cref="Permission.FilesRead"/>) or download
    /// (<see cref="Permission.FilesDownload"/>): their own and those shared with them.
    /// </summary>
    public static IQueryable<LibraryEntry> Seen(IppDbContext db, AccessPolicy policy, SignedInCaller caller, Permission permission)
    {
        var entries = db.Set<LibraryEntry>();
        if (!policy.Holds(caller, permission))
        {
            return entries.Where(e => false);
        }

        var userId = caller.UserId;
        var shares = SharesWith(db, userId);
        var entryTags = db.Set<LibraryEntryTag>();
        return entries.Where(e =>
            e.OwnerId == userId
            || shares.Any(s => s.EntryId == e.Id)
            || shares.Any(s => s.TagId != null && s.OwnerId == e.OwnerId && entryTags.Any(t => t.EntryId == e.Id && t.TagId == s.TagId)));
    }

    /// <summary>The caller's own entries, when they hold <paramref name="permission"/> (changing, tagging, sharing, deleting).</summary>
    public static IQueryable<LibraryEntry> Owned(IppDbContext db, AccessPolicy policy, SignedInCaller caller, Permission permission)
    {
        var userId = caller.UserId;
        return db.Set<LibraryEntry>().Where(policy.Reachable<LibraryEntry>(caller, permission, e => e.OwnerId)).Where(e => e.OwnerId == userId);
    }

    /// <summary>The grants made to <paramref name="userId"/>, themself or through a group they are a member of.</summary>
    private static IQueryable<LibraryShare> SharesWith(IppDbContext db, long userId)
    {
        var memberships = db.Set<GroupMember>().Where(m => m.UserId == userId);
        return db.Set<LibraryShare>().Where(s => s.UserId == userId || memberships.Any(m => m.GroupId == s.GroupId));
    }
}
