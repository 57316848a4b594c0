using Ipp.Graph.Data;
using Ipp.Graph.Experiments.Entities;
using Ipp.Graph.Library.Download;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Experiments.Files;

/// <summary>
/// The download of an input of an experiment on a container image, which has no folder: the input names the blob of
/// the library file it reads (<see cref="ExperimentInput.BlobKey"/>), kept while the input lasts, so it downloads as it
/// was given, byte for byte, after its library entry was deleted too. Served as a library file is (byte ranges, its
/// SHA-256 as the ETag, storage failures as 503 STORAGE_UNAVAILABLE).
/// </summary>
public static class ImageInputDownload
{
    /// <summary>Answers with the input <paramref name="path"/> of <paramref name="experiment"/>; false (nothing sent) when it has none of that name.</summary>
    public static async Task<bool> TrySendAsync(
        HttpContext http, Experiment experiment, string path, IDbContextFactory<IppDbContext> databases, LibraryDownloader downloader)
    {
        ExperimentInput? input;
        await using (var db = await databases.CreateDbContextAsync(http.RequestAborted))
        {
            input = await db.ExperimentInputs.AsNoTracking()
                .FirstOrDefaultAsync(i => i.ExperimentId == experiment.Id && i.StoredName == path && i.BlobKey != null, http.RequestAborted);
        }

        if (input is null)
        {
            return false;
        }

        var blob = new DownloadedBlob(input.BlobKey!, input.Size, input.Sha256!, $"the input {input.Id} of experiment {experiment.Id}");
        await downloader.SendBlobAsync(http, blob, path[(path.LastIndexOf('/') + 1)..], experiment.CreatedAt);
        return true;
    }
}
