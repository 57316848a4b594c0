using Ipp.Graph.Data;
using Ipp.Graph.Engine.Types.Scalars;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Errors;
using Ipp.Graph.Library.Live;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Tags;
using Ipp.Graph.Transport.Multipart;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Library.Upload;

/// <summary>
/// Stores an upload in its owner's library: the plan is checked first (<see cref="LibraryUploadPlan"/>), each file
/// is written to the blob store under a new key (its SHA-256 computed on the way; a file the transport is still
/// receiving is sent on as it arrives), and only once the request was read whole are the entries
/// recorded, in one transaction of the user's writers that checks their names and the quota the user's experiments
/// share. Whatever fails, nothing is recorded and the blobs written are deleted (one a crash leaves is the orphan
/// sweep's). A store that is down answers STORAGE_UNAVAILABLE. Once recorded, each entry is announced to its owner's
/// <c>libraryEntryStored</c> subscriptions (<see cref="ILibraryEntryAnnouncements"/>).
/// </summary>
public sealed class LibraryUploader(
    IDbContextFactory<IppDbContext> databases,
    IBlobStore blobs,
    UserQuota quota,
    ILibraryEntryAnnouncements announcements,
    TimeProvider time,
    IOptions<LibraryOptions> options,
    ILogger<LibraryUploader> logger)
{
    private readonly LibraryOptions _options = options.Value;

    /// <summary>
    /// Stores <paramref name="files"/> as the user's new entries, each carrying the tags <paramref name="tagIds"/>
    /// (checked before any byte is stored: one the user may not use is TAG_NOT_FOUND), and returns them, files included.
    /// </summary>
    public async Task<IReadOnlyList<LibraryEntry>> UploadAsync(
        long userId, IReadOnlyList<LibraryFileUploadInput> files, IReadOnlyList<string> tagIds, CancellationToken cancellationToken)
    {
        // The files arrive while this runs: a file given without a path is named by its part, which may still be on its way.
        await StoredUploads.NamedAsync(files.Where(file => file.Path is null).Select(file => file.File), cancellationToken);
        var plan = LibraryUploadPlan.Of(files, _options);
        await CheckTagsAsync(userId, tagIds, cancellationToken);
        var shared = SharedUploads(files);
        var written = new List<BlobKey>();
        var entries = new List<LibraryEntry>(plan.Count);
        try
        {
            var createdAt = time.GetUtcNow().UtcDateTime;
            foreach (var planned in plan)
            {
                entries.Add(await StoreAsync(userId, planned, createdAt, shared, written, cancellationToken));
            }

            // Nothing is recorded unless the request's body was read whole (a later file over the quota, the client gone).
            await StoredUploads.RequestReadAsync(files.Select(file => file.File), cancellationToken);
            await RecordAsync(userId, entries, tagIds);
        }
        catch (Exception failure)
        {
            await blobs.DeleteOrLeaveToSweepAsync(written, logger);
            if (failure is StorageUnavailableException unavailable)
            {
                unavailable.Log(logger);
                throw StorageUnavailableException.ClientError();
            }

            throw;
        }

        await AnnounceAsync(userId, entries);
        return entries;
    }

    /// <summary>
    /// Writes the files of <paramref name="planned"/> to the blob store (each key added to <paramref name="written"/>
    /// first) and returns its entry. A file the transport spooled is handed over as it is (a local store on its file
    /// system takes it by a rename, its SHA-256 already known), unless it is one of the <paramref name="shared"/>
    /// uploads, which fill several files of the request and are each copied.
    /// </summary>
    private async Task<LibraryEntry> StoreAsync(
        long userId, PlannedEntry planned, DateTime createdAt, HashSet<IUploadedFile> shared, List<BlobKey> written, CancellationToken cancellationToken)
    {
        var entry = new LibraryEntry
        {
            OwnerId = userId,
            Name = planned.Name,
            NormalizedName = LibraryNames.Normalize(planned.Name),
            Kind = planned.Kind,
            CreatedAt = createdAt,
        };
        foreach (var file in planned.Files)
        {
            var key = BlobKey.New();
            written.Add(key);
            var blob = await WriteAsync(key, file.Upload, shared, cancellationToken);
            entry.Files.Add(new LibraryFile { Path = file.Path, Size = blob.Size, Sha256 = blob.Sha256, BlobKey = key.Value });
            entry.Size += blob.Size;
        }

        entry.FileCount = entry.Files.Count;
        entry.Sha256 = entry.Kind == LibraryEntryKind.File ? entry.Files[0].Sha256 : null;
        entry.StoredBytes = UserStoredBytes.Of(entry);
        return entry;
    }

    /// <summary>Stores one file's bytes under <paramref name="key"/>: handed over when spooled and used once, else copied.</summary>
    private async Task<StoredBlob> WriteAsync(BlobKey key, IUploadedFile upload, HashSet<IUploadedFile> shared, CancellationToken cancellationToken)
    {
        if (upload is ISpooledFile spooled && !shared.Contains(upload))
        {
            return await blobs.WriteSpooledAsync(key, spooled, cancellationToken);
        }

        await using var content = upload.OpenReadStream();
        return await blobs.WriteAsync(key, content, progress: null, cancellationToken);
    }

    /// <summary>The uploads that fill more than one file of the request (the multipart spec allows it).</summary>
    private static HashSet<IUploadedFile> SharedUploads(IReadOnlyList<LibraryFileUploadInput> files) =>
        new(files.GroupBy(file => file.File, ReferenceEqualityComparer.Instance).Where(uses => uses.Count() > 1).Select(uses => (IUploadedFile)uses.Key!), ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Records the entries, their names free and the quota kept, as one write of the user's. Once the bytes are stored
    /// this runs to its end whatever the client does.
    /// </summary>
    private async Task RecordAsync(long userId, List<LibraryEntry> entries, IReadOnlyList<string> tagIds)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, userId, cancellationToken);
        var tags = await TagService.UsableKeysAsync(db, userId, tagIds, cancellationToken);
        foreach (var entry in entries)
        {
            entry.Tags.AddRange(tags.Select(tag => new LibraryEntryTag { TagId = tag }));
        }

        var names = entries.Select(e => e.NormalizedName).ToArray();
        var taken = await db.Set<LibraryEntry>().Where(e => e.OwnerId == userId && names.Contains(e.NormalizedName))
            .Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
        if (taken is not null)
        {
            throw new MutationException(new LibraryEntryNameTakenError(taken));
        }

        db.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        await quota.EnsureWithinQuotaAsync(db, userId, entries.Sum(e => e.StoredBytes), "This upload (its files and their names)", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Tells the owner's subscriptions of the recorded entries; a failure to is logged, the upload stands.</summary>
    private async Task AnnounceAsync(long userId, List<LibraryEntry> entries)
    {
        foreach (var entry in entries)
        {
            try
            {
                await announcements.StoredAsync(new LibraryEntryStored(userId, entry.Id), CancellationToken.None);
            }
            catch (Exception failure)
            {
                logger.LogWarning(failure, "The stored library entry {EntryId} could not be announced to its owner's subscriptions.", entry.Id);
            }
        }
    }

    /// <summary>Throws TAG_NOT_FOUND unless the user may use every tag of <paramref name="tagIds"/>.</summary>
    private async Task CheckTagsAsync(long userId, IReadOnlyList<string> tagIds, CancellationToken cancellationToken)
    {
        if (tagIds.Count > 0)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await TagService.UsableKeysAsync(db, userId, tagIds, cancellationToken);
        }
    }

}
