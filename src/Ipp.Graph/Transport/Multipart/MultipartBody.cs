using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Storage;
using Ipp.Graph.Telemetry;
using Ipp.Graph.Transport.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// Walks the parts of one multipart request in the spec's order: <c>operations</c> and <c>map</c>
/// (<see cref="ReadHeadAsync"/>, after which the operation may run), then the files (<see cref="ReadFilesAsync"/>),
/// each file streamed to its temporary file as it arrives, the limits checked after every read.
/// </summary>
internal sealed class MultipartBody
{
    /// <summary>How much of a file is read before it is written: large enough that the disk sees few, long writes.</summary>
    private const int CopyBufferBytes = 256 * 1024;

    /// <summary>The first buffer for the operations or map; it doubles as the part needs.</summary>
    private const int InitialJsonBufferBytes = 4 * 1024;

    private readonly HttpContext _context;
    private readonly MultipartReader _reader;
    private readonly MultipartUploadOptions _options;
    private readonly JsonDocumentOptions _jsonOptions;
    private readonly UploadSpool _spool;
    private readonly CancellationToken _aborted;
    private int _jsonBytes;

    /// <summary>The bytes of files the caller may still upload (their quota), known once the head was read.</summary>
    private long _allowance = long.MaxValue;

    public MultipartBody(HttpContext context, string boundary, MultipartUploadOptions options, JsonDocumentOptions jsonOptions, UploadSpool spool)
    {
        _context = context;
        _options = options;
        _jsonOptions = jsonOptions;
        _spool = spool;
        _aborted = context.RequestAborted;

        // The limits are this class's to check, with their own errors; the reader's own buffer matches the copy's.
        _reader = new MultipartReader(boundary, context.Request.Body, CopyBufferBytes) { BodyLengthLimit = null };
    }

    /// <summary>The GraphQL request the body holds, with its files in place of the nulls the map names.</summary>
    public GraphQLRequest? Request { get; private set; }

    /// <summary>The parsed operations (the request's variables point into it) and the pooled bytes it refers to.</summary>
    public (JsonDocument Json, byte[] Bytes)? Operations { get; private set; }

    /// <summary>
    /// Reads the body's head: the operations and the map, the files announced and placed in the variables, the caller's
    /// allowance asked. Null when it holds a well-formed request (<see cref="Request"/>), else the problem (reading
    /// stops there).
    /// </summary>
    public async ValueTask<HttpProblem?> ReadHeadAsync()
    {
        var operations = await ReadJsonPartAsync("operations", first: true);
        if (operations.Problem is { } problem)
        {
            return problem;
        }

        Operations = (operations.Json!, operations.Bytes!);
        var root = operations.Json!.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return UploadProblems.Invalid("The \"operations\" part is a batch (an array): send one operation per multipart request.");
        }

        if (!GraphQLRequestJson.TryRead(root, out var request, out var invalid))
        {
            return UploadProblems.Invalid("The \"operations\" part is not a GraphQL request: " + invalid);
        }

        var map = await ReadJsonPartAsync("map", first: false);
        if (map.Problem is { } mapProblem)
        {
            return mapProblem;
        }

        List<(string Path, SpooledUpload Upload)> placements = [];
        string? mapInvalid;
        bool tooMany;
        using (map.Json)
        {
            mapInvalid = UploadMap.Read(map.Json!.RootElement, _options.MaxFiles, _spool, placements, out tooMany);
        }

        ArrayPool<byte>.Shared.Return(map.Bytes!);
        if (tooMany)
        {
            return UploadProblems.TooManyFiles(_options.MaxFiles);
        }

        if (mapInvalid is not null)
        {
            return UploadProblems.Invalid(mapInvalid);
        }

        if (UploadMap.Place((JsonElement?)request!.Variables, placements, out var variables) is { } misplaced)
        {
            return UploadProblems.Invalid(misplaced);
        }

        if (_spool.Uploads.Count > 0 && _context.RequestServices.GetService<IUploadAllowance>() is { } allowances)
        {
            var allowance = await allowances.GetAsync(_context.User, _aborted);
            if (allowance.Refusal is { } refusal)
            {
                return Refused(refusal);
            }

            _allowance = allowance.RemainingBytes;
        }

        Request = new GraphQLRequest
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = variables,
            Extensions = request.Extensions,
        };
        return null;
    }

    /// <summary>
    /// Reads the file parts, after the head, up to the end of the body: each one the map names, once, within the limits.
    /// Null when all came whole, else the problem (reading stops there).
    /// </summary>
    public async ValueTask<HttpProblem?> ReadFilesAsync()
    {
        var remaining = _allowance;
        long stored = 0;
        while (await _reader.ReadNextSectionAsync(_aborted) is { } section)
        {
            if (NameOf(section, out var disposition) is not { } name)
            {
                return UploadProblems.Invalid("A part has no Content-Disposition header with a name.");
            }

            if (!_spool.Uploads.TryGetValue(name, out var upload))
            {
                return name is "operations" or "map"
                    ? UploadProblems.Invalid($"The \"{name}\" part is given twice.")
                    : UploadProblems.Invalid($"The part \"{name}\" is a file the \"map\" does not name.");
            }

            if (upload.IsComplete)
            {
                return UploadProblems.Invalid($"The file part \"{name}\" is given twice.");
            }

            var fileName = disposition!.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            upload.Begin(_spool.NewTemporaryPath(), fileName ?? "", section.ContentType);
            var (length, sha256, problem) = await StoreAsync(section.Body, upload, stored, remaining);
            if (problem is not null)
            {
                return problem;
            }

            stored += length;
            upload.Complete(length, sha256);
        }

        foreach (var upload in _spool.Uploads.Values)
        {
            if (!upload.IsComplete)
            {
                return UploadProblems.Invalid($"The \"map\" names the file \"{upload.FieldName}\", but no part of that name came.");
            }
        }

        return null;
    }

    /// <summary>
    /// Copies a file part to its temporary file through one pooled buffer, refusing it as soon as it is over the
    /// per-file limit or when it takes the request's files (<paramref name="stored"/> bytes before it) over the
    /// caller's <paramref name="allowance"/>, and hashing it (SHA-256) on the way. It is not flushed to the disk here:
    /// whoever keeps it does (<see cref="IStoredUpload"/>), and a file that is not kept never needs it. Each chunk written
    /// is told to the upload, whose readers follow it. A file that
    /// cannot be written (the incoming folder read-only or missing, the disk full) throws
    /// <see cref="StorageUnavailableException"/>; the body's own failures stay what they are.
    /// </summary>
    private async ValueTask<(long Length, string Sha256, HttpProblem? Problem)> StoreAsync(Stream body, SpooledUpload upload, long stored, long allowance)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            var path = upload.TemporaryPath!;
            await using var file = StorageUnavailableException.Guard($"create the upload {path}", () => new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                // Resolvers read it while it arrives (SpoolReadStream).
                Share = FileShare.Read | FileShare.Delete,
                BufferSize = 0,
            }));
            long length = 0;
            while (true)
            {
                var filled = 0;
                int read;
                do
                {
                    read = await body.ReadAsync(buffer.AsMemory(filled), _aborted);
                    filled += read;
                }
                while (read > 0 && filled < buffer.Length);

                length += filled;
                TransportMetrics.BytesReceived(filled);
                if (length > _options.MaxFileBytes)
                {
                    return (length, "", UploadProblems.FileTooLarge(upload.FieldName, _options.MaxFileBytes));
                }

                if (length > allowance - stored)
                {
                    return (length, "", UploadProblems.QuotaExceeded(Math.Max(0, allowance)));
                }

                if (filled > 0)
                {
                    hash.AppendData(buffer, 0, filled);
                    await WriteAsync(file, buffer.AsMemory(0, filled), path);
                    upload.Wrote(filled);
                }

                if (read == 0)
                {
                    return (length, Convert.ToHexStringLower(hash.GetCurrentHash()), null);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes to the upload's file: a failure there is the storage's, not the body's.</summary>
    private async ValueTask WriteAsync(FileStream file, ReadOnlyMemory<byte> bytes, string path)
    {
        try
        {
            await file.WriteAsync(bytes, _aborted);
        }
        catch (Exception exception) when (StorageUnavailableException.IsCause(exception))
        {
            throw new StorageUnavailableException($"write the upload {path}", exception);
        }
    }

    /// <summary>
    /// Reads the next part, which must be <paramref name="name"/>, as JSON: within what is left of the limit on
    /// the operations and map, valid UTF-8, one JSON value. The document refers into the pooled bytes returned.
    /// </summary>
    private async ValueTask<(JsonDocument? Json, byte[]? Bytes, HttpProblem? Problem)> ReadJsonPartAsync(string name, bool first)
    {
        var section = await _reader.ReadNextSectionAsync(_aborted);
        var given = section is null ? null : NameOf(section, out _);
        if (given != name)
        {
            var which = first ? "first" : "second";
            var found = section is null ? "the body ends there" : given is null ? "it has no name" : $"it is \"{given}\"";
            return (null, null, UploadProblems.Invalid($"The {which} part of a multipart request must be \"{name}\", but {found}."));
        }

        var cap = _options.MaxOperationsBytes - _jsonBytes + 1;
        var (buffer, length) = await PooledJsonBody.ReadAsync(section!.Body, InitialJsonBufferBytes, cap, _aborted);
        _jsonBytes += length;
        JsonDocument? json = null;
        var problem = length == cap
            ? UploadProblems.OperationsTooLarge(_options.MaxOperationsBytes)
            : PooledJsonBody.TryParse(buffer.AsMemory(0, length), _jsonOptions, out json) is { } wrong
                ? UploadProblems.Invalid($"The \"{name}\" part is {wrong}")
                : (HttpProblem?)null;
        if (problem is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, null, problem);
        }

        return (json, buffer, null);
    }

    /// <summary>The part's form-data name, or null when it has none.</summary>
    private static string? NameOf(MultipartSection section, out ContentDispositionHeaderValue? disposition)
    {
        disposition = section.GetContentDispositionHeader();
        return disposition is not null && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(disposition.Name).Value
            : null;
    }

    /// <summary>
    /// The allowance's refusal as an HTTP problem: 401 for an anonymous caller, 403 for one who may not upload, 413 over
    /// the quota, else 400.
    /// </summary>
    private static HttpProblem Refused(Engine.Error.GraphQLError refusal)
    {
        var code = refusal.Code ?? ExperimentsErrorCodes.QuotaExceeded;
        var status = code switch
        {
            ServerErrorCodes.AuthNotAuthenticated => StatusCodes.Status401Unauthorized,
            AuthorizationErrorCodes.AuthNotAuthorized => StatusCodes.Status403Forbidden,
            ExperimentsErrorCodes.QuotaExceeded => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        return new HttpProblem(status, code, refusal.Message);
    }
}
