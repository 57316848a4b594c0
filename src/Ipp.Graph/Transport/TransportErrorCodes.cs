namespace Ipp.Graph.Transport;

/// <summary>
/// The <c>extensions.code</c> values of requests the transports refuse before anything runs.
/// </summary>
public static class TransportErrorCodes
{
    /// <summary>The HTTP request is not a well-formed GraphQL request (malformed JSON, a parameter of the wrong type, no query).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>Nothing is served at this path.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The path does not answer this HTTP method (a mutation over GET, PUT on /graphql).</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>The response can be given in none of the media types the request's Accept header allows.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>The request body is larger than the server accepts.</summary>
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    /// <summary>The request body's media type (or its charset) is not one the server reads.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>A WebSocket connection already runs as many operations as it may; the new one was not started.</summary>
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";
}
