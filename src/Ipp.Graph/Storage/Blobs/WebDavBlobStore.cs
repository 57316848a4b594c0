using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Ipp.Graph.Storage.Blobs;

/// <summary>
/// Blobs on a WebDAV server (<c>Storage:WebDav</c>): dCache, or any server with PUT, GET with Range, MOVE, MKCOL and
/// PROPFIND. A write streams (chunked, or with its length when the caller's stream knows it) to a hidden temporary
/// name (<see cref="PartialUploadName"/>), is verified against the SHA-256 computed on the way (the server's own
/// digest, RFC 3230 <c>Want-Digest</c>, when it offers one; else the bytes read back, or the size alone), then is
/// moved into place; a failed one is deleted (or, when the server cannot be reached then, swept by
/// <see cref="RemoveAbandonedUploadsAsync"/>). Requests that may safely be repeated are retried after network
/// failures and 502/503/504. Every failure of the server is a <see cref="StorageUnavailableException"/> saying what
/// the server answered.
/// </summary>
public sealed class WebDavBlobStore : IBlobStore, IDisposable
{
    private static readonly HttpMethod Move = new("MOVE");
    private static readonly HttpMethod MakeCollection = new("MKCOL");
    private static readonly HttpMethod PropertiesFind = new("PROPFIND");
    private static readonly XNamespace Dav = "DAV:";

    private readonly WebDavBlobStorageOptions _options;
    private readonly Uri _base;
    private readonly HttpClient _http;

    /// <summary>The folders known to exist, so that each is made (MKCOL) once per process.</summary>
    private readonly ConcurrentDictionary<string, bool> _folders = new();

    /// <summary>Whether the server gave a SHA-256 for the last upload it was asked one for (null: not asked yet): see <see cref="VerifyAsync"/>. Uploads running at once may each ask before one learnt it: harmless.</summary>
    private bool? _digestsOffered;

    public WebDavBlobStore(WebDavBlobStorageOptions options)
    {
        _options = options;
        _base = options.BaseUri;
        // No redirects followed: an upload's body streams once and cannot be sent again, and .NET drops the
        // credentials on a redirect; a redirecting server (a dCache door sending to its pools) is told in the error.
        var handler = new SocketsHttpHandler { ConnectTimeout = options.ConnectTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        _http = new HttpClient(handler)
        {
            // The idle timeout (IdleWatch) bounds each transfer instead: a total one would break large transfers.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Authorization = !string.IsNullOrEmpty(options.BearerToken)
            ? new AuthenticationHeaderValue("Bearer", options.BearerToken)
            : !string.IsNullOrEmpty(options.UserName)
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.UserName}:{options.Password}")))
                : null;
    }

    public Task<StoredBlob> WriteAsync(BlobKey key, Stream content, BlobWriteProgress? progress, CancellationToken cancellation) =>
        WriteAsync(key, content, spooled: null, progress, cancellation);

    /// <summary>
    /// Sends the file's bytes while it is still arriving (its stream follows it), then checks the server's copy against
    /// the size and SHA-256 the file's writer computed, known once the last byte was sent: they are not computed again.
    /// </summary>
    public async Task<StoredBlob> WriteSpooledAsync(BlobKey key, ISpooledFile file, CancellationToken cancellation)
    {
        await using var content = file.OpenReadStream();
        return await WriteAsync(key, content, file, progress: null, cancellation);
    }

    /// <summary>
    /// Stores <paramref name="content"/>: hashed on the way, or, for a <paramref name="spooled"/> file, checked against
    /// the file's own size and SHA-256 once it is whole.
    /// </summary>
    private async Task<StoredBlob> WriteAsync(BlobKey key, Stream content, ISpooledFile? spooled, BlobWriteProgress? progress, CancellationToken cancellation)
    {
        var target = UriOf(key);
        var partial = new Uri(_base, $"{key.Folder}/{PartialUploadName.For(key)}");
        var doing = $"store the blob {target}";
        using var copy = new HashingCopy(hash: spooled is null);
        try
        {
            await EnsureFolderAsync(key.Folder, cancellation);
            // The caller's cancellation stops the body's reads, not the request: a chunked body is then ended properly and
            // answered before the partial upload is deleted (see UploadContent); the idle timeout bounds the wait.
            using (var idle = new IdleWatch(_options.IdleTimeout, CancellationToken.None))
            using (var request = new HttpRequestMessage(HttpMethod.Put, partial) { Content = new UploadContent(content, copy, progress, idle, cancellation) })
            {
                if (content.CanSeek)
                {
                    request.Content.Headers.ContentLength = content.Length - content.Position;
                }

                using var response = await SendOnceAsync(request, idle, doing);
                copy.ThrowCallerFailure();
                EnsureSuccess(response, doing);
            }

            var blob = spooled is null ? new StoredBlob(key, copy.Size, copy.Sha256()) : await SentWholeAsync(key, spooled, copy.Size, cancellation);
            await VerifyAsync(partial, blob, cancellation);
            await MoveIntoPlaceAsync(partial, target, cancellation);
            return blob;
        }
        catch (Exception failure)
        {
            await TryDeleteAsync(partial);
            copy.ThrowCallerFailure();
            throw failure is OperationCanceledException && cancellation.IsCancellationRequested ? failure : AsUnavailable(failure, doing);
        }
    }

    /// <summary>The blob a spooled file's bytes make, once it is whole: its own size (which must be what was sent) and SHA-256.</summary>
    private static async Task<StoredBlob> SentWholeAsync(BlobKey key, ISpooledFile file, long sent, CancellationToken cancellation)
    {
        await file.CompletedAsync(cancellation);
        return file.Length == sent
            ? new StoredBlob(key, sent, file.Sha256)
            : throw new IOException($"{sent} bytes of the spooled file were sent where it holds {file.Length}");
    }

    public async Task<Stream?> OpenReadAsync(BlobKey key, ByteRange? range, CancellationToken cancellation)
    {
        var doing = $"read the blob {UriOf(key)}";
        var (response, idle) = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, UriOf(key));
            if (range is { } part)
            {
                request.Headers.TryAddWithoutValidation("Range", part.ToHttpRange());
            }

            return request;
        }, doing, cancellation);
        try
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.NotFound:
                    Close(response, idle);
                    return null;
                case HttpStatusCode.RequestedRangeNotSatisfiable:
                    Close(response, idle);
                    return new MemoryStream([], writable: false);
            }

            EnsureSuccess(response, doing);
            Stream body = new WebDavDownloadStream(response, await response.Content.ReadAsStreamAsync(cancellation), idle, doing);
            if (range is { } wanted && response.StatusCode == HttpStatusCode.OK)
            {
                // The server sent the whole blob: skip to the range and stop at its end.
                await SkipAsync(body, wanted.Start, cancellation);
                body = new RangeReadStream(body, wanted.Length ?? long.MaxValue);
            }

            return body;
        }
        catch
        {
            Close(response, idle);
            throw;
        }
    }

    public async Task<long?> SizeAsync(BlobKey key, CancellationToken cancellation)
    {
        var doing = $"find the blob {UriOf(key)}";
        var (response, idle) = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, UriOf(key)), doing, cancellation);
        using (idle)
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            EnsureSuccess(response, doing);
            return response.Content.Headers.ContentLength;
        }
    }

    public Task DeleteAsync(BlobKey key, CancellationToken cancellation) => DeleteAsync(UriOf(key), $"delete the blob {UriOf(key)}", cancellation);

    public async IAsyncEnumerable<ListedBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellation)
    {
        foreach (var folder in await ListBlobFoldersAsync(cancellation))
        {
            foreach (var (name, modified) in await ListAsync(new Uri(_base, folder + "/"), cancellation))
            {
                if (BlobKey.TryParse(name, out var key) && key.Value.Folder == folder)
                {
                    yield return new ListedBlob(key.Value, modified);
                }
            }
        }
    }

    public async Task<int> RemoveAbandonedUploadsAsync(DateTimeOffset startedBefore, CancellationToken cancellation)
    {
        var removed = 0;
        foreach (var folder in await ListBlobFoldersAsync(cancellation))
        {
            foreach (var name in await ListNamesAsync(new Uri(_base, folder + "/"), cancellation))
            {
                if (PartialUploadName.TryStartedAt(name, out var started) && started < startedBefore)
                {
                    var uri = new Uri(_base, $"{folder}/{name}");
                    await DeleteAsync(uri, $"delete the abandoned upload {uri}", cancellation);
                    removed++;
                }
            }
        }

        return removed;
    }

    public void Dispose() => _http.Dispose();

    private Uri UriOf(BlobKey key) => new(_base, key.RelativePath);

    private async Task DeleteAsync(Uri uri, string doing, CancellationToken cancellation)
    {
        var (response, idle) = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, uri), doing, cancellation);
        using (idle)
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                EnsureSuccess(response, doing);
            }
        }
    }

    /// <summary>The folders of the root that blobs go in (two lowercase hexadecimal digits).</summary>
    private async Task<IEnumerable<string>> ListBlobFoldersAsync(CancellationToken cancellation) =>
        (await ListNamesAsync(_base, cancellation)).Where(name => name.Length == 2 && name.All(char.IsAsciiHexDigitLower));

    /// <summary>Makes the folder of a blob, once per process; an existing one answers 405 (or 201, as rclone does).</summary>
    private async Task EnsureFolderAsync(string folder, CancellationToken cancellation)
    {
        if (_folders.ContainsKey(folder))
        {
            return;
        }

        var uri = new Uri(_base, folder + "/");
        var doing = $"create the folder {uri}";
        var (response, idle) = await SendAsync(() => new HttpRequestMessage(MakeCollection, uri), doing, cancellation);
        using (idle)
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.MethodNotAllowed)
            {
                EnsureSuccess(response, doing);
            }
        }

        _folders[folder] = true;
    }

    /// <summary>
    /// Checks that the server holds what was sent: its SHA-256 digest if it offers one, else the size and (unless turned
    /// off) the bytes read back. The digest is asked for with a HEAD (<c>Want-Digest: sha-256</c>); once the server
    /// answered one without a digest, later uploads' sizes are read with a PROPFIND instead, which costs a server
    /// nothing where its first HEAD of a file just written may cost much (rclone writes the whole file back to the disk
    /// first: 0.8 s for 1 GiB, measured in docs/benchmarks.md).
    /// </summary>
    private async Task VerifyAsync(Uri partial, StoredBlob blob, CancellationToken cancellation)
    {
        var doing = $"verify the upload {partial}";
        string? digest = null;
        long? size;
        if (_digestsOffered is false)
        {
            size = await PropfindSizeAsync(partial, doing, cancellation);
        }
        else
        {
            (size, digest) = await HeadSizeAndDigestAsync(partial, doing, cancellation);
            _digestsOffered = digest is not null;
        }

        if (size is { } held && held != blob.Size)
        {
            throw new StorageUnavailableException(doing, new IOException($"the server holds {held} bytes where {blob.Size} were sent"));
        }

        if (digest is null && _options.VerifyByReadingBack)
        {
            digest = await ReadBackSha256Async(partial, doing, cancellation);
        }

        if (digest is not null && digest != blob.Sha256)
        {
            throw new StorageUnavailableException(doing, new IOException($"the server's SHA-256 {digest} differs from the one sent, {blob.Sha256}"));
        }
    }

    /// <summary>The size a HEAD gives (null without a <c>Content-Length</c>), and the server's SHA-256 when it offers one.</summary>
    private async Task<(long? Size, string? Sha256)> HeadSizeAndDigestAsync(Uri partial, string doing, CancellationToken cancellation)
    {
        var (response, idle) = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Head, partial);
            request.Headers.TryAddWithoutValidation("Want-Digest", "sha-256");
            return request;
        }, doing, cancellation);
        using (idle)
        using (response)
        {
            EnsureSuccess(response, doing);
            return (response.Content.Headers.ContentLength, ServerSha256(response));
        }
    }

    /// <summary>The size a PROPFIND (depth 0) gives as <c>getcontentlength</c>; null without one.</summary>
    private async Task<long?> PropfindSizeAsync(Uri partial, string doing, CancellationToken cancellation)
    {
        var document = await PropfindAsync(partial, depth: 0, "<getcontentlength/>", doing, cancellation);
        return Size(document.Descendants(Dav + "getcontentlength").FirstOrDefault()?.Value.Trim());
    }

    /// <summary>A <c>getcontentlength</c>'s value; null when absent or not a size.</summary>
    private static long? Size(string? length) =>
        long.TryParse(length, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) ? size : null;

    /// <summary>The SHA-256 of an RFC 3230 <c>Digest: sha-256=&lt;base64&gt;</c> header, in hexadecimal; null without one.</summary>
    private static string? ServerSha256(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Digest", out var values))
        {
            return null;
        }

        foreach (var part in values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries)))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Equals("sha-256", StringComparison.OrdinalIgnoreCase))
            {
                var bytes = new byte[32];
                return Convert.TryFromBase64String(part[(equals + 1)..], bytes, out var written) && written == 32 ? Convert.ToHexStringLower(bytes) : null;
            }
        }

        return null;
    }

    private async Task<string> ReadBackSha256Async(Uri partial, string doing, CancellationToken cancellation)
    {
        var (response, idle) = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, partial), doing, cancellation);
        try
        {
            EnsureSuccess(response, doing);
        }
        catch
        {
            Close(response, idle);
            throw;
        }

        await using var body = new WebDavDownloadStream(response, await response.Content.ReadAsStreamAsync(cancellation), idle, doing);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(body, cancellation));
    }

    private async Task MoveIntoPlaceAsync(Uri partial, Uri target, CancellationToken cancellation)
    {
        var doing = $"move the upload {partial} to {target}";
        using var idle = new IdleWatch(_options.IdleTimeout, cancellation);
        using var request = new HttpRequestMessage(Move, partial);
        request.Headers.TryAddWithoutValidation("Destination", target.AbsoluteUri);
        request.Headers.TryAddWithoutValidation("Overwrite", "T");
        using var response = await SendOnceAsync(request, idle, doing);
        EnsureSuccess(response, doing);
    }

    /// <summary>Deletes a failed upload; when the server cannot be reached it stays, under a name never listed as a blob.</summary>
    private async Task TryDeleteAsync(Uri partial)
    {
        try
        {
            using var idle = new IdleWatch(_options.ConnectTimeout, CancellationToken.None);
            using var request = new HttpRequestMessage(HttpMethod.Delete, partial);
            using var response = await _http.SendAsync(request, idle.Token);
        }
        catch (Exception failure) when (failure is HttpRequestException or OperationCanceledException or IOException)
        {
            // The failure that stopped the write is the one to report.
        }
    }

    /// <summary>The names in a collection (PROPFIND, depth 1), the collection's own excepted.</summary>
    private async Task<IEnumerable<string>> ListNamesAsync(Uri collection, CancellationToken cancellation) =>
        (await ListAsync(collection, cancellation)).Select(member => member.Name);

    /// <summary>
    /// The members of a collection (PROPFIND, depth 1), the collection's own excepted: each name, with its
    /// <c>getlastmodified</c> when the server gives one.
    /// </summary>
    private async Task<List<(string Name, DateTimeOffset? Modified)>> ListAsync(Uri collection, CancellationToken cancellation)
    {
        var document = await PropfindAsync(collection, depth: 1, "<resourcetype/><getlastmodified/>", $"list the folder {collection}", cancellation);
        return document.Descendants(Dav + "response")
            .Select(member => (Href: member.Element(Dav + "href")?.Value ?? "", Modified: member.Descendants(Dav + "getlastmodified").FirstOrDefault()?.Value))
            .Select(member => (Name: Uri.UnescapeDataString(member.Href.TrimEnd('/').Split('/')[^1]), Modified: HttpDate(member.Modified)))
            .Where(member => member.Name.Length > 0 && new Uri(collection, Uri.EscapeDataString(member.Name)).AbsolutePath.TrimEnd('/') != collection.AbsolutePath.TrimEnd('/'))
            .ToList();
    }

    /// <summary>The multistatus document a PROPFIND of <paramref name="uri"/> answers, asking for <paramref name="properties"/> (DAV: elements).</summary>
    private async Task<XDocument> PropfindAsync(Uri uri, int depth, string properties, string doing, CancellationToken cancellation)
    {
        var (response, idle) = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(PropertiesFind, uri)
            {
                Content = new StringContent($"<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><prop>{properties}</prop></propfind>", Encoding.UTF8, "application/xml"),
            };
            request.Headers.TryAddWithoutValidation("Depth", depth.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return request;
        }, doing, cancellation);
        using (idle)
        using (response)
        {
            EnsureSuccess(response, doing);
            await using var body = await response.Content.ReadAsStreamAsync(idle.Token);
            try
            {
                return await XDocument.LoadAsync(body, LoadOptions.None, idle.Token);
            }
            catch (System.Xml.XmlException malformed)
            {
                throw new StorageUnavailableException(doing, new IOException("the server's answer is not a WebDAV listing: " + malformed.Message, malformed));
            }
        }
    }

    /// <summary>An HTTP date (RFC 1123, as <c>getlastmodified</c> is written); null when absent or not one.</summary>
    private static DateTimeOffset? HttpDate(string? text) =>
        DateTimeOffset.TryParseExact(text?.Trim(), "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;

    /// <summary>
    /// Sends a request that may safely be repeated, made anew by <paramref name="make"/> for each try: retried after a
    /// network failure, a silent server or 502/503/504. Returns the response (headers read) and its idle watch, which
    /// the caller disposes.
    /// </summary>
    private async Task<(HttpResponseMessage Response, IdleWatch Idle)> SendAsync(Func<HttpRequestMessage> make, string doing, CancellationToken cancellation)
    {
        var delay = _options.RetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            var idle = new IdleWatch(_options.IdleTimeout, cancellation);
            using var request = make();
            HttpResponseMessage? response = null;
            try
            {
                response = await SendOnceAsync(request, idle, doing);
                if (response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout) || attempt >= _options.Retries)
                {
                    return (response, idle);
                }
            }
            catch (StorageUnavailableException) when (attempt < _options.Retries)
            {
                // Tried again below.
            }
            catch
            {
                idle.Dispose();
                throw;
            }

            Close(response, idle);
            await Task.Delay(delay, cancellation);
            delay *= 2;
        }
    }

    /// <summary>Sends <paramref name="request"/> once; a network failure or a silent server is a <see cref="StorageUnavailableException"/>.</summary>
    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, IdleWatch idle, string doing)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token);
        }
        catch (OperationCanceledException) when (idle.TimedOut)
        {
            throw new StorageUnavailableException(doing, new IOException("the server answered nothing for longer than Storage:WebDav:IdleTimeout"));
        }
        catch (HttpRequestException failure)
        {
            throw new StorageUnavailableException(doing, failure);
        }
    }

    private static void EnsureSuccess(HttpResponseMessage response, string doing)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        var reason = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                $"the server refused the credentials ({status}): check Storage:WebDav:UserName and Password, or BearerToken",
            HttpStatusCode.InsufficientStorage => $"the server is full ({status})",
            >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest =>
                $"the server redirected ({status}) to {response.Headers.Location}: it must answer itself (dCache: webdav.redirect.on-read and on-write false)",
            _ => $"the server answered {status}",
        };
        throw new StorageUnavailableException(doing, new IOException(reason));
    }

    private static Exception AsUnavailable(Exception failure, string doing) => failure switch
    {
        StorageUnavailableException => failure,
        HttpRequestException or IOException or OperationCanceledException => new StorageUnavailableException(doing, failure),
        _ => failure,
    };

    private static void Close(HttpResponseMessage? response, IdleWatch idle)
    {
        response?.Dispose();
        idle.Dispose();
    }

    private static async Task SkipAsync(Stream body, long count, CancellationToken cancellation)
    {
        var buffer = new byte[81920];
        while (count > 0)
        {
            var read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellation);
            if (read == 0)
            {
                return;
            }

            count -= read;
        }
    }

    /// <summary>
    /// An upload's body: the caller's stream copied through <see cref="HashingCopy"/>, each chunk re-arming the idle
    /// watch. When the caller's side fails (its stream, or the progress check refusing) a chunked body is ended
    /// properly instead of cut: the server then answers, and only after it does is the partial upload deleted, so the
    /// deletion cannot arrive before the server has stored the last chunk (rclone keeps what an aborted PUT had sent).
    /// A body of known length can only be cut; its partial upload is deleted all the same.
    /// </summary>
    private sealed class UploadContent(Stream source, HashingCopy copy, BlobWriteProgress? progress, IdleWatch idle, CancellationToken caller) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            try
            {
                await copy.CopyAsync(source, stream, progress, idle.Touch, caller, cancellationToken);
            }
            catch when (copy.CallerFailure is not null && Headers.ContentLength is null)
            {
                // Ended properly: WriteAsync rethrows the caller's failure once the server has answered.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    public string Locate(BlobKey key) => UriOf(key).AbsoluteUri;

    public string LocateFolder(string folder) => new Uri(_base, folder).AbsoluteUri;

    public async IAsyncEnumerable<FolderFile> ListFolderFilesAsync(string folder, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var waiting = new Stack<string>([""]);
        while (waiting.TryPop(out var below))
        {
            foreach (var (name, isFolder, size) in await ListMembersAsync(new Uri(_base, folder + below), cancellation))
            {
                if (isFolder)
                {
                    waiting.Push(below + Uri.EscapeDataString(name) + "/");
                }
                else
                {
                    yield return new FolderFile(Uri.UnescapeDataString(below) + name, size);
                }
            }
        }
    }

    public async Task<Stream?> OpenFolderFileAsync(string folder, string path, CancellationToken cancellation)
    {
        var uri = new Uri(_base, folder + string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));
        if (!uri.AbsoluteUri.StartsWith(LocateFolder(folder), StringComparison.Ordinal))
        {
            return null;
        }

        var doing = $"read {uri}";
        var (response, idle) = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), doing, cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            Close(response, idle);
            return null;
        }

        try
        {
            EnsureSuccess(response, doing);
            return new WebDavDownloadStream(response, await response.Content.ReadAsStreamAsync(cancellation), idle, doing);
        }
        catch
        {
            Close(response, idle);
            throw;
        }
    }

    public Task DeleteFolderAsync(string folder, CancellationToken cancellation) =>
        DeleteAsync(new Uri(_base, folder), $"delete the folder {new Uri(_base, folder)}", cancellation);

    /// <summary>
    /// The members of a collection (PROPFIND, depth 1), the collection's own excepted, each with whether it is a
    /// collection and its <c>getcontentlength</c> (0 when the server gives none); none when the collection does not exist.
    /// </summary>
    private async Task<List<(string Name, bool IsFolder, long Size)>> ListMembersAsync(Uri collection, CancellationToken cancellation)
    {
        var doing = $"list the folder {collection}";
        var (response, idle) = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(PropertiesFind, collection)
            {
                Content = new StringContent("<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><prop><resourcetype/><getcontentlength/></prop></propfind>", Encoding.UTF8, "application/xml"),
            };
            request.Headers.TryAddWithoutValidation("Depth", "1");
            return request;
        }, doing, cancellation);
        using (idle)
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return [];
            }

            EnsureSuccess(response, doing);
            await using var body = await response.Content.ReadAsStreamAsync(idle.Token);
            XDocument document;
            try
            {
                document = await XDocument.LoadAsync(body, LoadOptions.None, idle.Token);
            }
            catch (System.Xml.XmlException malformed)
            {
                throw new StorageUnavailableException(doing, new IOException("the server's answer is not a WebDAV listing: " + malformed.Message, malformed));
            }

            return document.Descendants(Dav + "response")
                .Select(member => (Href: member.Element(Dav + "href")?.Value ?? "", IsFolder: member.Descendants(Dav + "collection").Any(), Length: member.Descendants(Dav + "getcontentlength").FirstOrDefault()?.Value.Trim()))
                .Select(member => (Name: Uri.UnescapeDataString(member.Href.TrimEnd('/').Split('/')[^1]), member.IsFolder, Size: Size(member.Length) ?? 0))
                .Where(member => member.Name.Length > 0 && member.Name is not ("." or "..")
                    && new Uri(collection, Uri.EscapeDataString(member.Name)).AbsolutePath.TrimEnd('/') != collection.AbsolutePath.TrimEnd('/'))
                .ToList();
        }
    }
}
