using Ipp.Graph.Data;
using Ipp.Graph.Library.Entities;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Storage;

/// <summary>
/// Which blobs the database still names: a library file's (<see cref="LibraryFile.BlobKey"/>) or an input of an
/// experiment on a container image (<see cref="Experiments.Entities.ExperimentInput.BlobKey"/>: it reads the library
/// file's blob where it is, uncopied). A blob is deleted only when neither names it. Once neither does, neither ever
/// will again: blob keys are never reused, and an input comes to name a blob only through a library file that names
/// it while the input is recorded (<c>Experiments/Tokens/ImageExperiments</c> holds that row until it commits). Both
/// tables are asked in one statement, so in one snapshot: asked one after the other, an input could be recorded and
/// its library file deleted in between, and the blob would look named by nothing.
/// </summary>
public static class NamedBlobs
{
    /// <summary>The keys of <paramref name="keys"/> that a library file or an experiment's input names.</summary>
    public static async Task<HashSet<string>> AmongAsync(IppDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var values = keys.ToList();
        var named = await db.Set<LibraryFile>().Where(f => values.Contains(f.BlobKey)).Select(f => f.BlobKey)
            .Union(db.ExperimentInputs.Where(i => i.BlobKey != null && values.Contains(i.BlobKey)).Select(i => i.BlobKey!))
            .ToListAsync(cancellationToken);
        return [.. named];
    }
}
