using System.Text;
using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Entries.Errors;
using Ipp.Graph.Library.Errors;
using Ipp.Graph.Library.Upload;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Library.Entries;

/// <summary>
/// Renames, deletes and tags the caller's own entries (<see cref="LibraryVisibility.Owned"/>: anyone else's, shared
/// with them or not, is <see cref="LibraryEntryNotFoundError"/>). Each change is one transaction of the user's writers
/// (<see cref="UserTransactions"/>) that checks everything it names first: a problem changes nothing.
/// </summary>
public sealed class LibraryEntryChanges(
    IDbContextFactory<IppDbContext> databases,
    AccessPolicy policy,
    IBlobStore blobs,
    UserQuota quota,
    IOptions<LibraryEntriesOptions> options,
    ILogger<LibraryEntryChanges> logger)
{
    /// <summary>The tags on entries.</summary>
    private static readonly TagLinks<LibraryEntryTag> EntryTags = new(t => t.EntryId, t => t.TagId, (entry, tag) => new LibraryEntryTag { EntryId = entry, TagId = tag });

    private LibraryEntriesOptions Options => options.Value;

    /// <summary>
    /// Gives the entry <paramref name="id"/> the name <paramref name="name"/>, one segment made safe as an upload's
    /// names are (<see cref="LibraryPaths"/>), unique among the owner's entries; the name's bytes count to the quota.
    /// </summary>
    public async Task<LibraryEntry> RenameAsync(SignedInCaller caller, string id, string name, CancellationToken cancellationToken)
    {
        var safe = LibraryPaths.Parse(name, maxDepth: 1)[0];
        var key = DecodeEntry(id);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, caller.UserId, cancellationToken);
        var entry = await LibraryVisibility.Owned(db, policy, caller, Permission.FilesWrite).FirstOrDefaultAsync(e => e.Id == key, cancellationToken)
            ?? throw new MutationException(new LibraryEntryNotFoundError(id));
        var normalized = LibraryNames.Normalize(safe);
        if (normalized != entry.NormalizedName
            && await db.Set<LibraryEntry>().AnyAsync(e => e.OwnerId == caller.UserId && e.NormalizedName == normalized, cancellationToken))
        {
            throw new MutationException(new LibraryEntryNameTakenError(safe));
        }

        var added = Bytes(safe) + Bytes(normalized) - Bytes(entry.Name) - Bytes(entry.NormalizedName);
        entry.Name = safe;
        entry.NormalizedName = normalized;
        entry.StoredBytes += added;
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            await quota.EnsureWithinQuotaAsync(db, caller.UserId, added, "The new name", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return entry;
    }

    /// <summary>
    /// Deletes the entries <paramref name="ids"/> (all or none): their rows, files, tags and shares in one transaction,
    /// which frees their bytes of the quota; then the blobs of their files that no experiment on an image reads (an
    /// input naming the blob keeps it: <see cref="NamedBlobs"/>). A blob that cannot be deleted now is logged and left
    /// to the blob store's orphan sweep: the entries are gone either way. Answers the ids deleted, each once.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(SignedInCaller caller, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var keys = DecodeEntries(ids);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        List<string> unnamed;
        await using (var transaction = await UserTransactions.BeginAsync(db, caller.UserId, cancellationToken))
        {
            var wanted = await OwnedKeysAsync(db, caller, keys, cancellationToken);
            var files = db.Set<LibraryFile>().Where(f => wanted.Contains(f.EntryId));
            var blobKeys = await files.Select(f => f.BlobKey).ToListAsync(cancellationToken);

            // An experiment of another user (the entry shared with them) records its input under that user's lock, not
            // ours, so the lock that orders the two is the files' rows: deleting them first waits for an experiment
            // holding them (ImageExperiments takes them FOR SHARE, and SQLite has one writer), and such an experiment
            // that comes later finds them gone and is refused. Only then are the inputs asked, in a statement of its
            // own, which sees every input recorded by a transaction that held the rows: a blob an input names is kept.
            await files.ExecuteDeleteAsync(cancellationToken);
            await db.Set<LibraryEntry>().Where(e => wanted.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
            var named = await NamedBlobs.AmongAsync(db, blobKeys, cancellationToken);
            unnamed = [.. blobKeys.Where(key => !named.Contains(key))];
            await transaction.CommitAsync(cancellationToken);
        }

        await blobs.DeleteOrLeaveToSweepAsync(unnamed.Select(BlobKey.Parse), logger);

        return [.. keys.Values];
    }

    /// <summary>
    /// Puts the tags <paramref name="tagIds"/> (the caller's own or custom ones) on the entries <paramref name="entryIds"/>
    /// (<paramref name="add"/>), or takes them off; a tag already on (or not on) an entry is no error. Answers the entries.
    /// </summary>
    public async Task<IReadOnlyList<LibraryEntry>> TagAsync(
        SignedInCaller caller, IReadOnlyList<string> entryIds, IReadOnlyList<string> tagIds, bool add, CancellationToken cancellationToken)
    {
        var keys = DecodeEntries(entryIds);
        CheckCount(tagIds.Count);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, caller.UserId, cancellationToken);
        var entries = await OwnedKeysAsync(db, caller, keys, cancellationToken);
        var tags = await TagService.UsableKeysAsync(db, caller.UserId, tagIds, cancellationToken);
        await EntryTags.ChangeAsync(db, entries, tags, add, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var changed = await db.Set<LibraryEntry>().AsNoTracking().Where(e => entries.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        // An entry deleted since the commit is left out.
        return [.. keys.Keys.Where(changed.ContainsKey).Select(k => changed[k])];
    }

    /// <summary>The keys of <paramref name="keys"/>, when every one is the caller's own entry; else the first that is not is not found.</summary>
    private async Task<long[]> OwnedKeysAsync(IppDbContext db, SignedInCaller caller, Dictionary<long, string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.Keys.ToArray();
        var owned = await LibraryVisibility.Owned(db, policy, caller, Permission.FilesWrite).Where(e => wanted.Contains(e.Id)).Select(e => e.Id)
            .ToListAsync(cancellationToken);
        var missing = wanted.Except(owned).Select(key => keys[key]).FirstOrDefault();
        return missing is null ? wanted : throw new MutationException(new LibraryEntryNotFoundError(missing));
    }

    /// <summary>The entries' keys (each once, in the order given) with the ids as given; a text that is no entry's id is not found.</summary>
    private Dictionary<long, string> DecodeEntries(IReadOnlyList<string> ids)
    {
        CheckCount(ids.Count);
        var keys = new Dictionary<long, string>();
        foreach (var id in ids)
        {
            keys.TryAdd(DecodeEntry(id), id);
        }

        return keys;
    }

    private void CheckCount(int given)
    {
        if (given > Options.MaxIdsPerChange)
        {
            throw new MutationException(new TooManyIdsError(given, Options.MaxIdsPerChange));
        }
    }

    private static long DecodeEntry(string id) =>
        GlobalId.TryDecode(id, LibrarySchema.TypeName, out var key) ? key : throw new MutationException(new LibraryEntryNotFoundError(id));

    private static long Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
