using System.IO.Compression;
using System.Text;
using Ipp.Graph.Data;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Library.Download;

/// <summary>
/// A folder entry as a zip written to the response while its files are read: no zip is built in memory or on disk.
/// The archive goes to the response stream (through <see cref="AsyncWriteBuffer"/>), which cannot seek, so each file is
/// followed by a data descriptor (its CRC and sizes); the file rows are read a batch at a time (by path), each file's blob streamed
/// through one buffer, so memory stays flat however many files the folder holds. Names inside are
/// <c>&lt;folder&gt;/&lt;stored path&gt;</c> in UTF-8: the stored paths were made safe when they were uploaded.
/// The central directory is written only after every file: a failure midway aborts the connection first, so the
/// client never gets a zip that looks whole.
/// </summary>
internal sealed class FolderZip(IDbContextFactory<IppDbContext> databases, IBlobStore blobs, CompressionLevel level)
{
    /// <summary>The file rows read at once.</summary>
    private const int BatchSize = 500;

    public async Task SendAsync(HttpContext http, LibraryEntry folder, LibraryDownloader downloads)
    {
        var response = http.Response;
        LibraryDownloader.SetAttachment(response, folder.Name + ".zip", "application/zip");
        response.Headers.AcceptRanges = "none";
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        var cancellation = http.RequestAborted;
        var modified = new DateTimeOffset(DateTime.SpecifyKind(folder.CreatedAt, DateTimeKind.Utc));
        try
        {
            await response.StartAsync(cancellation);
            var body = new AsyncWriteBuffer(response.Body);
            var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8, cancellation);
            string? after = null;
            while (true)
            {
                var batch = await BatchAsync(folder.Id, after, cancellation);
                foreach (var file in batch)
                {
                    var entry = zip.CreateEntry(folder.Name + "/" + file.Path, level);
                    entry.LastWriteTime = modified;
                    await WriteAsync(entry, file, cancellation);
                }

                if (batch.Count < BatchSize)
                {
                    break;
                }

                after = batch[^1].Path;
            }

            // Only now, every file written: the central directory that makes the zip whole.
            await zip.DisposeAsync();
            await body.FlushAsync(cancellation);
        }
        catch (StorageUnavailableException failure) when (!cancellation.IsCancellationRequested)
        {
            // The archive is left undisposed: disposing it would finish a zip missing files.
            await downloads.FailAsync(http, failure);
        }
    }

    private async Task<List<LibraryFile>> BatchAsync(long entryId, string? after, CancellationToken cancellation)
    {
        await using var db = await databases.CreateDbContextAsync(cancellation);
        var files = db.Set<LibraryFile>().AsNoTracking().Where(f => f.EntryId == entryId);
        if (after is not null)
        {
            files = files.Where(f => string.Compare(f.Path!, after) > 0);
        }

        return await files.OrderBy(f => f.Path).Take(BatchSize).ToListAsync(cancellation);
    }

    private async Task WriteAsync(ZipArchiveEntry entry, LibraryFile file, CancellationToken cancellation)
    {
        var key = BlobKey.Parse(file.BlobKey);
        var doing = $"read the blob {key} of the library file {file.Id}";
        await using var target = await entry.OpenAsync(cancellation);
        if (file.Size == 0)
        {
            return;
        }

        await using var content = await blobs.OpenReadAsync(key, range: null, cancellation)
            ?? throw new StorageUnavailableException(doing, new FileNotFoundException("the store has no such blob"));
        await BlobCopy.CopyAsync(content, target, file.Size, doing, cancellation);
    }
}
