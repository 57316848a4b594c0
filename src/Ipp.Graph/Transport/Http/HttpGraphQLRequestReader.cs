using System.Buffers;
using System.Text.Json;
using Ipp.Graph.Engine.Execution;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Transport.Http;

/// <summary>
/// Reads GraphQL requests from HTTP requests as GraphQL over HTTP lays them out: a POST's <c>application/json</c>
/// body (UTF-8; read from the request stream into pooled memory, never beyond <see cref="GraphQLHttpOptions.MaxRequestBytes"/>), or
/// a GET's query parameters (<c>variables</c> and <c>extensions</c> as JSON text). Server-Sent Events requests are
/// laid out the same way.
/// </summary>
public sealed class HttpGraphQLRequestReader
{
    /// <summary>The first buffer for a body of unknown length; it doubles as the body needs.</summary>
    private const int InitialBufferBytes = 16 * 1024;

    private readonly int _maxRequestBytes;
    private readonly JsonDocumentOptions _jsonOptions;
    private readonly QueryTexts _queryTexts;

    public HttpGraphQLRequestReader(GraphQLHttpOptions options, QueryTexts queryTexts)
    {
        _maxRequestBytes = options.MaxRequestBytes;
        _queryTexts = queryTexts;

        // Duplicate members are refused: a body that means one thing to a proxy and another to the server is an attack.
        _jsonOptions = new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth, AllowDuplicateProperties = false };
    }

    /// <summary>
    /// Reads a POST request: its Content-Type must be <c>application/json</c> (UTF-8) and its body one JSON object,
    /// valid UTF-8 throughout.
    /// </summary>
    public async ValueTask<HttpGraphQLRequest> ReadBodyAsync(HttpRequest request)
    {
        if (CheckContentType(request.Headers.ContentType) is { } unsupported)
        {
            return HttpGraphQLRequest.Failed(unsupported);
        }

        if (request.ContentLength > _maxRequestBytes)
        {
            return HttpGraphQLRequest.Failed(HttpProblem.PayloadTooLarge(_maxRequestBytes));
        }

        byte[] body;
        int length;
        try
        {
            (body, length) = await ReadBodyBytesAsync(request);
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's own verdict on the body (malformed chunks, too slow, over its limit), with its status.
            return HttpGraphQLRequest.Failed(HttpProblem.ForStatus(exception.StatusCode) with { Message = "The request body could not be read: " + exception.Message });
        }
        catch (IOException exception)
        {
            // The body broke off or was malformed below HTTP (Kestrel reports a chunk size overflow this way).
            return HttpGraphQLRequest.Failed(HttpProblem.BadRequest("The request body could not be read: " + exception.Message));
        }

        if (length > _maxRequestBytes)
        {
            ArrayPool<byte>.Shared.Return(body);
            return HttpGraphQLRequest.Failed(HttpProblem.PayloadTooLarge(_maxRequestBytes));
        }

        var problem = Parse(body, length, out var json);
        if (problem is null)
        {
            if (GraphQLRequestJson.TryRead(json!.RootElement, out var graphQLRequest, out var invalid, _queryTexts))
            {
                return HttpGraphQLRequest.Read(graphQLRequest!, json, body);
            }

            problem = HttpProblem.BadRequest(invalid!);
        }

        json?.Dispose();
        ArrayPool<byte>.Shared.Return(body);
        return HttpGraphQLRequest.Failed(problem.Value);
    }

    /// <summary>
    /// The body in a buffer rented from the shared pool, read until its end or until one byte past the limit (then
    /// the length says so and the rest is left unread). Sized by Content-Length when there is one.
    /// </summary>
    private ValueTask<(byte[] Buffer, int Length)> ReadBodyBytesAsync(HttpRequest request) =>
        PooledJsonBody.ReadAsync(request.Body, request.ContentLength + 1 ?? InitialBufferBytes, _maxRequestBytes + 1, request.HttpContext.RequestAborted);

    /// <summary>
    /// Parses the body, refusing invalid UTF-8 anywhere in it (the JSON reader checks strings only when they are
    /// read, so it is checked first, for the whole body at once). The document refers into <paramref name="body"/>.
    /// </summary>
    private HttpProblem? Parse(byte[] body, int length, out JsonDocument? json)
    {
        json = null;
        var bytes = body.AsMemory(0, length);
        if (length == 0 || bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return HttpProblem.BadRequest("The request body is empty: it must be a JSON object.");
        }

        return PooledJsonBody.TryParse(bytes, _jsonOptions, out json) is { } wrong
            ? HttpProblem.BadRequest("The request body is " + wrong)
            : null;
    }

    /// <summary>
    /// Reads a GET request's query parameters: <c>query</c> (required), <c>operationName</c> (empty means none),
    /// <c>variables</c> and <c>extensions</c> (JSON objects as text). A parameter given twice is refused.
    /// </summary>
    public HttpGraphQLRequest ReadQueryString(IQueryCollection parameters)
    {
        var problem = Repeated(parameters, "query")
            ?? Repeated(parameters, "operationName")
            ?? Repeated(parameters, "variables")
            ?? Repeated(parameters, "extensions");
        string? query = parameters["query"];
        if (problem is null && query is null)
        {
            problem = HttpProblem.BadRequest("The request has no \"query\" parameter: it must hold the GraphQL document.");
        }

        JsonElement? variables = null;
        JsonElement? extensions = null;
        problem ??= ParseObject("variables", parameters["variables"], out variables) ?? ParseObject("extensions", parameters["extensions"], out extensions);
        if (problem is not null)
        {
            return HttpGraphQLRequest.Failed(problem.Value);
        }

        string? operationName = parameters["operationName"];
        var request = new GraphQLRequest
        {
            Query = query!,
            OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
            Variables = variables,
            Extensions = extensions is { } given ? GraphQLRequestJson.Members(given) : null,
        };
        return HttpGraphQLRequest.Read(request);
    }

    /// <summary>Null when the Content-Type is <c>application/json</c> in UTF-8; else why the body cannot be read (415).</summary>
    private static HttpProblem? CheckContentType(StringValues contentType)
    {
        // What clients send, known good without parsing.
        if (contentType.Count == 1 && contentType[0] is MediaTypes.Json or MediaTypes.JsonUtf8)
        {
            return null;
        }

        if (StringValues.IsNullOrEmpty(contentType))
        {
            return HttpProblem.UnsupportedMediaType("The request has no Content-Type: send the GraphQL request as application/json.");
        }

        if (!MediaTypeHeaderValue.TryParse(contentType.ToString(), out var mediaType)
            || !mediaType.MediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return HttpProblem.UnsupportedMediaType("The request body must be application/json; charset=utf-8.");
        }

        return HttpCharsets.IsUtf8OrUnspecified(mediaType.Charset)
            ? null
            : HttpProblem.UnsupportedMediaType($"The request body must be UTF-8, not {mediaType.Charset}.");
    }

    private static HttpProblem? Repeated(IQueryCollection parameters, string name)
    {
        var count = parameters[name].Count;
        return count > 1 ? HttpProblem.BadRequest($"The \"{name}\" parameter is given {count} times; give it once.") : null;
    }

    /// <summary>
    /// A JSON object given as text, as an element of its own (no document to dispose: query strings are short);
    /// no text, or JSON null, gives none.
    /// </summary>
    private HttpProblem? ParseObject(string name, string? text, out JsonElement? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            using var parsed = ClientJson.Parse(text, _jsonOptions);
            var root = parsed.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    value = root.Clone();
                    return null;
                case JsonValueKind.Null:
                    return null;
                default:
                    return HttpProblem.BadRequest($"The \"{name}\" parameter must be a JSON object, not {GraphQLRequestJson.Describe(root.ValueKind)}.");
            }
        }
        catch (JsonException exception)
        {
            return HttpProblem.BadRequest($"The \"{name}\" parameter is not valid JSON: {exception.Message}");
        }
    }
}
