using System.Globalization;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Write;
using Ipp.Graph.GraphQL.Mutations;
using Ipp.Graph.Library;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Library.Live;
using Ipp.Graph.Library.Upload;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Experiments.Tokens;

/// <summary>
/// Makes what a completed experiment's job wrote (the blob store's folder <see cref="ExperimentTokens.OutputFolder"/>)
/// one folder entry of its owner's library, named after the experiment (made unique among the owner's entries as
/// <c>name (2)</c>, <c>name (3)</c>…), carrying the experiment's tags, once: the entry records the experiment
/// (<see cref="LibraryEntry.ExperimentId"/>, unique), so a completion seen again, or by another instance at once,
/// makes no second entry (the loser deletes the blobs it wrote). Each file is copied into a blob of its own, its
/// SHA-256 computed on the way, under its path made safe (<see cref="LibraryPaths"/>; a path that cannot be used, and
/// files beyond <c>Library:MaxFolderFiles</c>, are left out with a warning). The bytes count in the owner's stored
/// bytes but are never refused for the quota: the job ran. The job's folder is deleted once the entry is recorded.
/// </summary>
public sealed partial class ExperimentOutputs(
    IDbContextFactory<IppDbContext> databases,
    IBlobStore blobs,
    ILibraryEntryAnnouncements announcements,
    IOptions<LibraryOptions> options,
    TimeProvider clock,
    ILogger<ExperimentOutputs> logger)
{
    /// <summary>Makes the entry of experiment <paramref name="experimentId"/>'s outputs unless there is one; a failing store throws (the caller tries again).</summary>
    public async Task CollectAsync(long experimentId, long userId, CancellationToken cancellationToken)
    {
        string name;
        long[] tags;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Set<LibraryEntry>().AnyAsync(e => e.ExperimentId == experimentId, cancellationToken))
            {
                return;
            }

            var experiment = await db.Experiments.AsNoTracking().Where(e => e.Id == experimentId)
                .Select(e => new { e.Name, Tags = e.Tags.Select(t => t.TagId).ToArray() }).FirstOrDefaultAsync(cancellationToken);
            if (experiment is null)
            {
                return;
            }

            (name, tags) = (experiment.Name, experiment.Tags);
        }

        var folder = ExperimentTokens.OutputFolder(experimentId);
        var entry = new LibraryEntry
        {
            OwnerId = userId,
            Name = "",
            NormalizedName = "",
            Kind = LibraryEntryKind.Folder,
            CreatedAt = clock.UtcNowToMillisecond(),
            ExperimentId = experimentId,
        };
        var written = new List<BlobKey>();
        try
        {
            await CopyAsync(folder, entry, written, cancellationToken);
            if (entry.Files.Count == 0)
            {
                NoOutputs(logger, experimentId, folder);
                return;
            }

            entry.Size = entry.Files.Sum(f => f.Size);
            entry.FileCount = entry.Files.Count;
            entry.Tags.AddRange(tags.Select(tag => new LibraryEntryTag { TagId = tag }));
            if (!await RecordAsync(entry, name, cancellationToken))
            {
                await blobs.DeleteOrLeaveToSweepAsync(written, logger);
                return;
            }
        }
        catch
        {
            await blobs.DeleteOrLeaveToSweepAsync(written, logger);
            throw;
        }

        Collected(logger, experimentId, entry.Id, entry.FileCount);
        await blobs.DeleteFolderAsync(folder, CancellationToken.None);
        try
        {
            await announcements.StoredAsync(new LibraryEntryStored(userId, entry.Id), CancellationToken.None);
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "The library entry {EntryId} of experiment {ExperimentId}'s outputs could not be announced.", entry.Id, experimentId);
        }
    }

    /// <summary>
    /// Makes room for the outputs of the experiment's next run (a retry, a token put back in <c>todo</c>): the entry of
    /// an earlier run stays in the owner's library, an entry like any other, but is no longer the experiment's
    /// (<see cref="LibraryEntry.ExperimentId"/> cleared), so the next completion is collected once in its turn. Runs in
    /// the caller's transaction on <paramref name="db"/>.
    /// </summary>
    public static Task ReleaseAsync(IppDbContext db, long experimentId, CancellationToken cancellationToken) =>
        db.Set<LibraryEntry>().Where(e => e.ExperimentId == experimentId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ExperimentId, (long?)null), cancellationToken);

    /// <summary>Copies each usable file of <paramref name="folder"/> into a new blob, as a file of <paramref name="entry"/>.</summary>
    private async Task CopyAsync(string folder, LibraryEntry entry, List<BlobKey> written, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var path in blobs.ListFolderAsync(folder, cancellationToken))
        {
            string safe;
            try
            {
                // The entry's own name is the first segment of a library path: one less for the files.
                safe = string.Join('/', LibraryPaths.Parse(path, settings.MaxPathDepth - 1));
            }
            catch (MutationException)
            {
                Skipped(logger, path, folder, "its path cannot be a library path");
                continue;
            }

            if (entry.Files.Count >= settings.MaxFolderFiles || !paths.Add(safe))
            {
                Skipped(logger, path, folder, entry.Files.Count >= settings.MaxFolderFiles ? "Library:MaxFolderFiles is reached" : "another file has the same path");
                continue;
            }

            await using var content = await blobs.OpenFolderFileAsync(folder, path, cancellationToken);
            if (content is null)
            {
                continue;
            }

            var key = BlobKey.New();
            written.Add(key);
            var blob = await blobs.WriteAsync(key, content, progress: null, cancellationToken);
            entry.Files.Add(new LibraryFile { Path = safe, Size = blob.Size, Sha256 = blob.Sha256, BlobKey = key.Value });
        }
    }

    /// <summary>
    /// Records the entry under the first free name of <paramref name="experimentName"/> in one write of the owner's;
    /// false when the experiment's entry exists already (another instance was first).
    /// </summary>
    private async Task<bool> RecordAsync(LibraryEntry entry, string experimentName, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await UserTransactions.BeginAsync(db, entry.OwnerId, cancellationToken);
        if (await db.Set<LibraryEntry>().AnyAsync(e => e.ExperimentId == entry.ExperimentId, cancellationToken))
        {
            return false;
        }

        var stem = StoredFileNames.SafeBaseName(experimentName);
        for (var number = 1; ; number++)
        {
            var candidate = number == 1 ? stem : $"{stem} ({number.ToString(CultureInfo.InvariantCulture)})";
            var normalized = LibraryNames.Normalize(candidate);
            if (!await db.Set<LibraryEntry>().AnyAsync(e => e.OwnerId == entry.OwnerId && e.NormalizedName == normalized, cancellationToken))
            {
                (entry.Name, entry.NormalizedName) = (candidate, normalized);
                break;
            }
        }

        entry.StoredBytes = UserStoredBytes.Of(entry);
        db.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueConstraint.IsViolation(e))
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "The outputs of experiment {ExperimentId} are the library entry {EntryId} ({Files} files).")]
    private static partial void Collected(ILogger logger, long experimentId, long entryId, int files);

    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment {ExperimentId} completed without outputs (nothing in {Folder}): no library entry.")]
    private static partial void NoOutputs(ILogger logger, long experimentId, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The output {Path} in {Folder} is left out of the library: {Reason}.")]
    private static partial void Skipped(ILogger logger, string path, string folder, string reason);
}
