using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Library.Entities;
using Ipp.Graph.Storage;
using Ipp.Graph.Storage.Blobs;
using Ipp.Graph.Transport.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Library.Download;

/// <summary>
/// <c>GET /library/{id}/content</c> (a file entry's bytes, or a folder entry as a zip) and
/// <c>GET /library/{id}/files/{path}</c> (one file of a folder entry), HEAD alike. The caller is authenticated as for
/// GraphQL (none: 401) and needs <c>files:download</c> (without it: 403 AUTH_NOT_AUTHORIZED, even for entries they see);
/// an entry <see cref="LibraryVisibility"/> does not let them download, or a path that names no file of it, is 404
/// as a missing one is. A file is served with byte ranges (<see cref="RangeRequest"/>), its SHA-256 as a strong ETag; a
/// folder is a zip written while its files are read (<see cref="FolderZip"/>). Storage that fails before the answer
/// starts is 503 STORAGE_UNAVAILABLE; once bytes went out, the connection is aborted (the client sees an incomplete
/// transfer, never a shorter file that looks whole) and the failure is logged once.
/// </summary>
public sealed class LibraryDownloader(
    IDbContextFactory<IppDbContext> databases,
    AccountService accounts,
    AccessPolicy policy,
    IBlobStore blobs,
    IOptions<LibraryDownloadOptions> options,
    ILogger<LibraryDownloader> logger)
{
    private const string LibraryPrefix = "/library/";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Answers <c>/library/{id}/content</c>.</summary>
    public async Task ContentAsync(HttpContext http)
    {
        if (Caller(http) is not { } caller || !TryReadTarget(http, out var key, out var path))
        {
            return;
        }

        if (path is not null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        LibraryEntry? entry;
        LibraryFile? file = null;
        await using (var db = await databases.CreateDbContextAsync(http.RequestAborted))
        {
            entry = await Downloadable(db, caller).FirstOrDefaultAsync(e => e.Id == key, http.RequestAborted);
            if (entry?.Kind == LibraryEntryKind.File)
            {
                var id = entry.Id;
                file = await db.Set<LibraryFile>().AsNoTracking().FirstAsync(f => f.EntryId == id, http.RequestAborted);
            }
        }

        if (entry is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (file is null)
        {
            await new FolderZip(databases, blobs, options.Value.ZipCompression).SendAsync(http, entry, this);
        }
        else
        {
            await SendFileAsync(http, file, entry.Name, entry.CreatedAt);
        }
    }

    /// <summary>Answers <c>/library/{id}/files/{path}</c>.</summary>
    public async Task FileAsync(HttpContext http)
    {
        if (Caller(http) is not { } caller || !TryReadTarget(http, out var key, out var path))
        {
            return;
        }

        if (path is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using var db = await databases.CreateDbContextAsync(http.RequestAborted);

        // The context opens a connection per query only: none is held while the file streams.
        var found = await Downloadable(db, caller)
            .Where(e => e.Id == key && e.Kind == LibraryEntryKind.Folder)
            .Join(db.Set<LibraryFile>().Where(f => f.Path == path), e => e.Id, f => f.EntryId, (e, f) => new { File = f, e.CreatedAt })
            .AsNoTracking()
            .FirstOrDefaultAsync(http.RequestAborted);
        if (found is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await SendFileAsync(http, found.File, path[(path.LastIndexOf('/') + 1)..], found.CreatedAt);
    }

    /// <summary>
    /// Ends a response whose storage failed: logged once; a 503 STORAGE_UNAVAILABLE while nothing was sent, else the
    /// connection aborted so the client cannot take what it got for the whole.
    /// </summary>
    internal async Task FailAsync(HttpContext http, StorageUnavailableException failure)
    {
        failure.Log(logger);
        if (http.Response.HasStarted)
        {
            http.Abort();
            return;
        }

        http.Response.Clear();
        await HttpResponses.WriteProblemAsync(
            http, new HttpProblem(StatusCodes.Status503ServiceUnavailable, StorageErrorCodes.StorageUnavailable, StorageUnavailableException.ClientMessage));
    }

    /// <summary>The headers every download carries, whatever it holds.</summary>
    internal static void SetAttachment(HttpResponse response, string fileName, string contentType)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.ContentType = contentType;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = "private, no-cache";
    }

    private Task SendFileAsync(HttpContext http, LibraryFile file, string name, DateTime createdAt) =>
        SendBlobAsync(http, new DownloadedBlob(file.BlobKey, file.Size, file.Sha256, $"the library file {file.Id}"), name, createdAt);

    /// <summary>
    /// Answers with the bytes of <paramref name="blob"/> as the file <paramref name="name"/>, with byte ranges and its
    /// SHA-256 as the ETag: a library file, or the input of an experiment on an image that reads one
    /// (<c>Experiments/Files</c>).
    /// </summary>
    internal async Task SendBlobAsync(HttpContext http, DownloadedBlob blob, string name, DateTime createdAt)
    {
        var response = http.Response;
        var entityTag = new EntityTagHeaderValue($"\"{blob.Sha256}\"");
        var lastModified = new DateTimeOffset(DateTime.SpecifyKind(createdAt, DateTimeKind.Utc));
        var headers = response.GetTypedHeaders();
        headers.ETag = entityTag;
        headers.LastModified = lastModified;
        response.Headers.AcceptRanges = "bytes";
        var range = RangeRequest.Of(http.Request, blob.Size, entityTag, lastModified);
        if (range.Answer == RangeAnswer.Unsatisfiable)
        {
            // The error body the pipeline adds says why; there is no file to name.
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            response.Headers.ContentRange = $"bytes */{blob.Size}";
            return;
        }

        SetAttachment(response, name, ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream");
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(entityTag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var (start, length) = range.Answer == RangeAnswer.Partial ? (range.Start, range.Length) : (0L, blob.Size);

        if (range.Answer == RangeAnswer.Partial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {range.Start}-{range.End}/{blob.Size}";
        }

        response.ContentLength = length;
        if (HttpMethods.IsHead(http.Request.Method) || length == 0)
        {
            return;
        }

        var key = BlobKey.Parse(blob.Key);
        var doing = $"read the blob {key} of {blob.Owner}";
        try
        {
            await using var content = await blobs.OpenReadAsync(key, new ByteRange(start, length), http.RequestAborted)
                ?? throw new StorageUnavailableException(doing, new FileNotFoundException("the store has no such blob"));
            await BlobCopy.CopyAsync(content, response.BodyWriter, length, doing, http.RequestAborted);
        }
        catch (StorageUnavailableException failure) when (!http.RequestAborted.IsCancellationRequested)
        {
            await FailAsync(http, failure);
        }
    }

    /// <summary>The entries the caller may download.</summary>
    private IQueryable<LibraryEntry> Downloadable(IppDbContext db, SignedInCaller caller) =>
        LibraryVisibility.Seen(db, policy, caller, Permission.FilesDownload).AsNoTracking();

    /// <summary>The live caller holding files:download; otherwise null, with the response's status set (401 or 403).</summary>
    private SignedInCaller? Caller(HttpContext http)
    {
        if (!SignedInCaller.TryRead(http.User, out var caller) || !accounts.IsLive(caller))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        if (!policy.Holds(caller, Permission.FilesDownload))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }

        return caller;
    }

    /// <summary>
    /// The entry's key and, after <c>/files/</c>, the file's path ('/' between its parts) from the request line as
    /// sent, each part percent-decoded on its own (so an encoded '/' never splits a part); false with the status set
    /// (404) when the line names no entry. A part that decodes to a separator names no stored file, whose parts never
    /// hold one.
    /// </summary>
    private static bool TryReadTarget(HttpContext http, out long key, out string? path)
    {
        key = 0;
        path = null;
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var segments = (query >= 0 ? raw[..query] : raw).Split('/');

        // "", "library", id, "content" | "files", parts...
        if (segments.Length < 4 || segments[1] != LibraryPrefix.Trim('/')
            || !GlobalId.TryDecode(Uri.UnescapeDataString(segments[2]), LibrarySchema.TypeName, out key))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        if (segments[3] == "files" && segments.Length > 4)
        {
            var parts = segments[4..].Select(Uri.UnescapeDataString).ToArray();
            if (parts.Any(part => part.Length == 0 || part.Contains('/', StringComparison.Ordinal)))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return false;
            }

            path = string.Join('/', parts);
            if (path.Length > LibraryFile.PathMaxLength)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return false;
            }
        }

        return true;
    }
}

/// <summary>A blob to download: its key, size and SHA-256, and whose it is (for the log of a failure).</summary>
internal sealed record DownloadedBlob(string Key, long Size, string Sha256, string Owner);
