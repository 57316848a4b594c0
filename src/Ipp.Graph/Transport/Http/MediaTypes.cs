namespace Ipp.Graph.Transport.Http;

/// <summary>The media types of GraphQL over HTTP, and the Content-Type values the server answers with (always UTF-8).</summary>
public static class MediaTypes
{
    /// <summary>The GraphQL response media type, the one the spec prefers.</summary>
    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>JSON: the request body type, and the legacy response type.</summary>
    public const string Json = "application/json";

    public const string GraphQLResponseJsonUtf8 = "application/graphql-response+json; charset=utf-8";

    public const string JsonUtf8 = "application/json; charset=utf-8";

    public const string PlainTextUtf8 = "text/plain; charset=utf-8";
}
