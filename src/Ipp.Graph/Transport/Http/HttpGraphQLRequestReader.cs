using System.Text.Json;
using Ipp.Graph.Engine.Execution;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Transport.Http;

/// <summary>
/// Reads GraphQL requests from HTTP requests as GraphQL over HTTP lays them out: a POST's <c>application/json</c>
/// body (UTF-8; read from the request stream, never beyond <see cref="GraphQLHttpOptions.MaxRequestBytes"/>), or
/// a GET's query parameters (<c>variables</c> and <c>extensions</c> as JSON text). Server-Sent Events requests are
/// laid out the same way.
/// </summary>
public sealed class HttpGraphQLRequestReader
{
    private readonly int _maxRequestBytes;
    private readonly JsonDocumentOptions _jsonOptions;

    public HttpGraphQLRequestReader(GraphQLHttpOptions options)
    {
        _maxRequestBytes = options.MaxRequestBytes;

        // Duplicate members are refused: a body that means one thing to a proxy and another to the server is an attack.
        _jsonOptions = new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth, AllowDuplicateProperties = false };
    }

    /// <summary>Reads a POST request: its Content-Type must be <c>application/json</c> (UTF-8) and its body one JSON object.</summary>
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

        var body = new LimitedReadStream(request.Body, _maxRequestBytes);
        JsonDocument json;
        try
        {
            json = await JsonDocument.ParseAsync(body, _jsonOptions, request.HttpContext.RequestAborted);
        }
        catch (LimitedReadStream.LimitExceededException)
        {
            return HttpGraphQLRequest.Failed(HttpProblem.PayloadTooLarge(_maxRequestBytes));
        }
        catch (JsonException exception)
        {
            return HttpGraphQLRequest.Failed(HttpProblem.BadRequest(
                body.BytesRead == 0 ? "The request body is empty: it must be a JSON object." : "The request body is not valid JSON: " + exception.Message));
        }

        if (!GraphQLRequestJson.TryRead(json.RootElement, out var graphQLRequest, out var problem))
        {
            return HttpGraphQLRequest.Failed(HttpProblem.BadRequest(problem!), json);
        }

        return HttpGraphQLRequest.Read(graphQLRequest!, json);
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
        return HttpGraphQLRequest.Read(request, null);
    }

    /// <summary>Null when the Content-Type is <c>application/json</c> in UTF-8; else why the body cannot be read (415).</summary>
    private static HttpProblem? CheckContentType(StringValues contentType)
    {
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
            using var parsed = JsonDocument.Parse(text, _jsonOptions);
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
