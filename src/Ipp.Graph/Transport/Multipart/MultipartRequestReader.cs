using System.Buffers;
using System.Text.Json;
using Ipp.Graph.Storage;
using Ipp.Graph.Telemetry;
using Ipp.Graph.Transport.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Transport.Multipart;

/// <summary>
/// Reads GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec) from
/// <c>POST /graphql</c>: a <c>multipart/form-data</c> body of <c>operations</c> (one GraphQL request as JSON),
/// <c>map</c> (file part name to paths of nulls in the variables) and the files. Once the operations and the map are
/// read, the request is handed over to run while the files go on arriving (<see cref="HttpGraphQLRequest.FilesRead"/>),
/// each streamed to a temporary file in <see cref="UploadFolder.IncomingPath"/> and handed to resolvers as an
/// <see cref="Transport.Multipart.IStoredUpload"/> they may read as it arrives. The request it gives deletes every file
/// no resolver moved when it is disposed; a request refused midway leaves none. Files that cannot be written are a 503
/// <c>STORAGE_UNAVAILABLE</c>, logged once with the path.
/// </summary>
public sealed class MultipartRequestReader
{
    /// <summary>RFC 2046: a boundary is 1 to 70 characters.</summary>
    private const int MaxBoundaryLength = 70;

    private readonly MultipartUploadOptions _options;
    private readonly UploadFolder _folder;
    private readonly JsonDocumentOptions _jsonOptions;
    private readonly ILogger<MultipartRequestReader> _logger;

    public MultipartRequestReader(MultipartUploadOptions options, GraphQLHttpOptions httpOptions, UploadFolder folder, ILogger<MultipartRequestReader> logger)
    {
        _options = options;
        _folder = folder;
        _logger = logger;
        _jsonOptions = new JsonDocumentOptions { MaxDepth = httpOptions.MaxJsonDepth, AllowDuplicateProperties = false };
    }

    /// <summary>True when the request's body is <c>multipart/form-data</c>, which this reader reads.</summary>
    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads a multipart request. Refused before anything is stored: a request without a preflight header (CSRF:
    /// a browser form cannot send one) or without a boundary. The JSON body limit does not apply: the upload limits do.
    /// </summary>
    public async ValueTask<HttpGraphQLRequest> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HasPreflightHeader(request.Headers))
        {
            return Refuse(context, UploadProblems.PreflightRequired);
        }

        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > MaxBoundaryLength)
        {
            return Refuse(context, UploadProblems.Invalid("The multipart/form-data Content-Type needs a boundary parameter of 1 to 70 characters."));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        var receiving = TransportMetrics.UploadStarted();
        var spool = new UploadSpool(_folder.IncomingPath);
        var body = new MultipartBody(context, boundary, _options, _jsonOptions, spool);
        HttpProblem? problem;
        try
        {
            problem = await ReadPartAsync(body.ReadHeadAsync, context.RequestAborted);
        }
        catch
        {
            receiving.Dispose();
            Release(body, spool);
            throw;
        }

        if (problem is { } refused)
        {
            receiving.Dispose();
            Release(body, spool);
            return Refuse(context, refused);
        }

        var (json, bytes) = body.Operations!.Value;
        return HttpGraphQLRequest.Read(body.Request!, json, bytes, spool, ReadFilesAsync(body, spool, receiving, context.RequestAborted));
    }

    /// <summary>
    /// Reads the files while the operation runs; null once they all came whole, else the problem to answer instead of
    /// the operation's result (the spool failed first, so resolvers waiting on it stop). Throws when the client went away.
    /// </summary>
    private async Task<HttpProblem?> ReadFilesAsync(MultipartBody body, UploadSpool spool, TransportMetrics.Open receiving, CancellationToken aborted)
    {
        using (receiving)
        {
            HttpProblem? problem;
            try
            {
                problem = await ReadPartAsync(body.ReadFilesAsync, aborted);
            }
            catch (Exception exception)
            {
                spool.Fail(exception is OperationCanceledException or IOException ? "the client went away" : "the server failed to read them");
                throw;
            }

            if (problem is { } refused)
            {
                spool.Fail(refused.Message);
                return refused;
            }

            spool.Read();
            return null;
        }
    }

    /// <summary>
    /// Reads a part of the body, turning what can go wrong into the problem to answer. Rethrows when the client went
    /// away (nobody to answer) and what is no reading problem.
    /// </summary>
    private async Task<HttpProblem?> ReadPartAsync(Func<ValueTask<HttpProblem?>> read, CancellationToken aborted)
    {
        try
        {
            return await read();
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && aborted.IsCancellationRequested)
        {
            throw;
        }
        catch (StorageUnavailableException exception)
        {
            exception.Log(_logger);
            return UploadProblems.StorageUnavailable;
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's verdict on the body (truncated, too slow), with its status.
            var code = exception.StatusCode == StatusCodes.Status400BadRequest ? UploadErrorCodes.UploadInvalid : HttpProblem.CodeFor(exception.StatusCode);
            return new HttpProblem(exception.StatusCode, code, "The request body could not be read: " + exception.Message);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            // The multipart framing is broken: the body ends before the closing boundary, a part's headers are too long.
            return UploadProblems.Invalid("The multipart body is malformed: " + exception.Message);
        }
    }

    /// <summary>A refusal; the rest of the body is left unread, so the connection is not kept for another request.</summary>
    private static HttpGraphQLRequest Refuse(HttpContext context, HttpProblem problem)
    {
        context.Response.Headers.Connection = "close";
        return HttpGraphQLRequest.Failed(problem);
    }

    private static bool HasPreflightHeader(IHeaderDictionary headers) =>
        !string.IsNullOrWhiteSpace(headers["GraphQL-Preflight"]) || !string.IsNullOrWhiteSpace(headers["Apollo-Require-Preflight"]);

    private static void Release(MultipartBody body, UploadSpool spool)
    {
        spool.Dispose();
        if (body.Operations is var (json, bytes))
        {
            json.Dispose();
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
