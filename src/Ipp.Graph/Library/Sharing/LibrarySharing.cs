using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Groups;
using Ipp.Graph.Groups.Entities;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Entries.Errors;
using Ipp.Graph.Library.Sharing.Errors;
using Ipp.Graph.Tags;
using Ipp.Graph.Tags.Entities;
using Ipp.Graph.Tags.Errors;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Library.Sharing;

/// <summary>
/// Grants and revocations of the caller's library entries (<see cref="LibraryShare"/>): one entry of their own, or
/// every entry of theirs carrying a tag (their own or a custom one), to a user named by the email the sharer types or
/// to a group the sharer belongs to. Each change is one transaction of the owner's writers that checks everything
/// first. Nothing is remembered in memory: <see cref="LibraryVisibility"/> reads the grants from the database on every
/// request, so a revocation holds on every instance from the next request.
/// </summary>
public sealed class LibrarySharing(IDbContextFactory<IppDbContext> databases, AccessPolicy policy, TimeProvider time)
{
    /// <summary>Grants the entry <paramref name="entryId"/> (a global id) to <paramref name="grantee"/>.</summary>
    public async Task<LibraryShareView> ShareEntryAsync(SignedInCaller caller, string entryId, LibraryGranteeInput grantee, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, caller.UserId, cancellationToken);
        if (!GlobalId.TryDecode(entryId, LibrarySchema.TypeName, out var key)
            || !await LibraryVisibility.Owned(db, policy, caller, Permission.FilesWrite).AnyAsync(e => e.Id == key, cancellationToken))
        {
            throw new MutationException(new LibraryEntryNotFoundError(entryId));
        }

        return await GrantAsync(db, transaction, caller, new LibraryShare { EntryId = key }, grantee, cancellationToken);
    }

    /// <summary>Grants every entry of the caller's carrying the tag <paramref name="tagId"/> (a global id) to <paramref name="grantee"/>.</summary>
    public async Task<LibraryShareView> ShareTagAsync(SignedInCaller caller, string tagId, LibraryGranteeInput grantee, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, caller.UserId, cancellationToken);
        var userId = caller.UserId;
        if (!GlobalId.TryDecode(tagId, TagService.TypeName, out var key)
            || !await db.Set<Tag>().AnyAsync(t => t.Id == key && (t.OwnerId == userId || t.OwnerId == null), cancellationToken))
        {
            throw new MutationException(new TagNotFoundError(tagId));
        }

        return await GrantAsync(db, transaction, caller, new LibraryShare { TagId = key }, grantee, cancellationToken);
    }

    /// <summary>Ends the caller's grant <paramref name="shareId"/> (a global id); its database id.</summary>
    public async Task<long> RevokeAsync(SignedInCaller caller, string shareId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var userId = caller.UserId;
        if (!GlobalId.TryDecode(shareId, LibraryShareView.TypeName, out var key)
            || await db.Set<LibraryShare>().Where(s => s.Id == key && s.OwnerId == userId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw new MutationException(new ShareNotFoundError(shareId));
        }

        return key;
    }

    /// <summary>Records <paramref name="share"/> (its target set) for the grantee, checked, and commits.</summary>
    private async Task<LibraryShareView> GrantAsync(
        IppDbContext db,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        SignedInCaller caller,
        LibraryShare share,
        LibraryGranteeInput grantee,
        CancellationToken cancellationToken)
    {
        share.OwnerId = caller.UserId;
        share.CreatedAt = time.GetUtcNow().UtcDateTime;
        (share.UserId, share.GroupId) = await GranteeAsync(db, caller, grantee, cancellationToken);
        var (entryId, tagId, userId, groupId, ownerId) = (share.EntryId, share.TagId, share.UserId, share.GroupId, share.OwnerId);
        if (await db.Set<LibraryShare>().AnyAsync(
                s => s.OwnerId == ownerId && s.EntryId == entryId && s.TagId == tagId && s.UserId == userId && s.GroupId == groupId,
                cancellationToken))
        {
            throw new MutationException(new AlreadySharedError());
        }

        db.Add(share);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueConstraint.IsViolation(exception))
        {
            throw new MutationException(new AlreadySharedError());
        }

        await transaction.CommitAsync(cancellationToken);
        var id = share.Id;
        return (await LibraryShareRow.Of(db, db.Set<LibraryShare>().Where(s => s.Id == id)).AsNoTracking().SingleAsync(cancellationToken)).View();
    }

    /// <summary>
    /// The user whose email the sharer typed (not the sharer), or the group of that id the sharer belongs to; one that
    /// does not exist and one the sharer is not in answer alike.
    /// </summary>
    private static async Task<(long? UserId, long? GroupId)> GranteeAsync(IppDbContext db, SignedInCaller caller, LibraryGranteeInput grantee, CancellationToken cancellationToken)
    {
        if (grantee.Email is { } email)
        {
            var normalized = EmailAddress.Normalize(email);
            var user = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new MutationException(new ShareUserNotFoundError(email));
            return user == caller.UserId ? throw new MutationException(new CannotShareWithSelfError()) : (user, null);
        }

        var groupId = grantee.GroupId ?? "";
        var callerId = caller.UserId;
        if (!GlobalId.TryDecode(groupId, GroupView.TypeName, out var key)
            || !await db.Set<GroupMember>().AnyAsync(m => m.GroupId == key && m.UserId == callerId, cancellationToken))
        {
            throw new MutationException(new ShareGroupNotFoundError(groupId));
        }

        return (null, key);
    }
}

/// <summary>The <c>LibraryGranteeInput</c> input type (one of its fields is given: the schema's <c>@oneOf</c>).</summary>
public sealed record LibraryGranteeInput(string? Email, string? GroupId);
