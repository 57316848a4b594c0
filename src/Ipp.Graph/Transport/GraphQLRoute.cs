using Ipp.Graph.Transport.Http;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Transport;

/// <summary>The transports that serve <c>/graphql</c>.</summary>
public enum GraphQLTransportKind
{
    /// <summary>GraphQL over HTTP: one request, one JSON response.</summary>
    Http,

    /// <summary>A WebSocket upgrade: graphql-transport-ws or the legacy graphql-ws.</summary>
    WebSocket,

    /// <summary>A GET or POST that prefers <c>text/event-stream</c>: graphql-sse's distinct connections mode.</summary>
    ServerSentEvents,
}

/// <summary>
/// The one place that decides which transport serves a request to <c>/graphql</c>: a WebSocket upgrade goes to the
/// WebSocket transport; a GET or POST whose Accept header prefers <c>text/event-stream</c> to the JSON media types
/// goes to Server-Sent Events; everything else to GraphQL over HTTP.
/// </summary>
public static class GraphQLRoute
{
    /// <summary>Where GraphQL is served.</summary>
    public const string Path = "/graphql";

    private const string EventStream = "text/event-stream";

    /// <summary>The transport that serves <paramref name="context"/>'s request (which is for <see cref="Path"/>).</summary>
    public static GraphQLTransportKind Select(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            return GraphQLTransportKind.WebSocket;
        }

        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsPost(request.Method)) && PrefersEventStream(request)
            ? GraphQLTransportKind.ServerSentEvents
            : GraphQLTransportKind.Http;
    }

    /// <summary>
    /// True when <c>text/event-stream</c> is the media type the Accept header ranks first: the highest quality,
    /// the earliest listed among equals. Wildcards do not choose it (a client that accepts anything gets JSON).
    /// </summary>
    private static bool PrefersEventStream(HttpRequest request)
    {
        if (AcceptNegotiation.NamesOneAlone(request.Headers.Accept) != GraphQLResponseFormat.None
            || !MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        var best = 0.0;
        var eventStreamIsBest = false;
        foreach (var mediaType in accepted)
        {
            var quality = mediaType.Quality ?? 1.0;
            if (quality > best)
            {
                best = quality;
                eventStreamIsBest = mediaType.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase);
            }
        }

        return eventStreamIsBest;
    }
}
