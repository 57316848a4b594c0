using System.Text;
using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Library.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Storage;

/// <summary>
/// The bytes a user makes the server store, in one place: what the per-user quota (<c>Experiments:MaxUserBytes</c>)
/// counts. An experiment stores its files, its experiment.json on the disk and the texts of its database rows (name,
/// description, parameters, file names), with or without files; its row keeps the total
/// (<see cref="Experiment.StoredBytes"/>), which its deletion frees. A library entry keeps its own total likewise
/// (<see cref="LibraryEntry.StoredBytes"/>: its files and the texts of its rows). An experiment on a container image
/// copies nothing: the library file its input reads is counted once, in its entry, while the entry lasts; once the
/// entry is deleted and only inputs keep the blob (<see cref="NamedBlobs"/>), each experiment whose input reads it
/// counts its size (<see cref="KeptInputs"/>), as the copy a folder's experiment keeps would count, until the
/// experiment is deleted. Those bytes are counted, never refused: the experiment exists already.
/// </summary>
public static class UserStoredBytes
{
    /// <summary>What the user stores; in a transaction of the user's writers (<see cref="UserTransactions"/>) it cannot change before the end.</summary>
    public static async Task<long> SumAsync(IppDbContext db, long userId, CancellationToken cancellationToken) =>
        await db.Experiments.Where(e => e.UserId == userId).SumAsync(e => e.StoredBytes, cancellationToken)
        + await KeptInputs(db).Where(i => i.UserId == userId).SumAsync(i => i.Size, cancellationToken)
        + await db.Set<LibraryEntry>().Where(e => e.OwnerId == userId).SumAsync(e => e.StoredBytes, cancellationToken);

    /// <summary>What each of the users <paramref name="userIds"/> stores (those storing nothing are absent), in three queries.</summary>
    public static async Task<Dictionary<long, long>> SumByUserAsync(IppDbContext db, long[] userIds, CancellationToken cancellationToken)
    {
        var experiments = await db.Experiments.Where(e => userIds.Contains(e.UserId)).GroupBy(e => e.UserId)
            .Select(g => new { UserId = g.Key, Bytes = g.Sum(e => e.StoredBytes) }).ToListAsync(cancellationToken);
        var kept = await KeptInputs(db).Where(i => userIds.Contains(i.UserId)).GroupBy(i => i.UserId)
            .Select(g => new { UserId = g.Key, Bytes = g.Sum(i => i.Size) }).ToListAsync(cancellationToken);
        var entries = await db.Set<LibraryEntry>().Where(e => userIds.Contains(e.OwnerId)).GroupBy(e => e.OwnerId)
            .Select(g => new { UserId = g.Key, Bytes = g.Sum(e => e.StoredBytes) }).ToListAsync(cancellationToken);
        var sums = new Dictionary<long, long>();
        foreach (var row in experiments.Concat(kept).Concat(entries))
        {
            sums[row.UserId] = sums.GetValueOrDefault(row.UserId) + row.Bytes;
        }

        return sums;
    }

    /// <summary>What <paramref name="experiment"/> stores, given the size of its experiment.json.</summary>
    public static long Of(Experiment experiment, long manifestBytes)
    {
        var bytes = manifestBytes + Text(experiment.ApplicationKey) + Text(experiment.Name) + Text(experiment.Description) + Text(experiment.ParametersJson);
        foreach (var input in experiment.Inputs)
        {
            // A file copied from the library is the experiment's own: it counts like an upload, with its entry's name.
            bytes += input.Size + Text(input.Parameter) + Text(input.StoredName) + Text(input.OriginalName) + Text(input.LibraryEntryName)
                + Text(input.BlobKey) + Text(input.Sha256);
        }

        return bytes;
    }

    /// <summary>What <paramref name="entry"/> stores: its files' bytes, its name and its files' paths and checksums.</summary>
    public static long Of(LibraryEntry entry)
    {
        var bytes = Text(entry.Name) + Text(entry.NormalizedName);
        foreach (var file in entry.Files)
        {
            bytes += file.Size + Text(file.Path) + Text(file.Sha256) + Text(file.BlobKey);
        }

        return bytes;
    }

    /// <summary>
    /// The inputs of experiments on images whose blob no library file names any more (its entry was deleted), each
    /// with the user whose experiment it is: bytes only experiments keep.
    /// </summary>
    private static IQueryable<KeptInput> KeptInputs(IppDbContext db) =>
        from input in db.ExperimentInputs
        where input.BlobKey != null && !db.Set<LibraryFile>().Any(file => file.BlobKey == input.BlobKey)
        join experiment in db.Experiments on input.ExperimentId equals experiment.Id
        select new KeptInput { UserId = experiment.UserId, Size = input.Size };

    /// <summary>The UTF-8 bytes of a text the database stores; 0 for none.</summary>
    private static long Text(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);
}

/// <summary>An input of an experiment on an image that alone keeps its blob, and the user it counts for.</summary>
internal sealed class KeptInput
{
    public long UserId { get; init; }

    public long Size { get; init; }
}
