using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Transport.Http;

/// <summary>The media type a GraphQL response is given in.</summary>
public enum GraphQLResponseFormat
{
    /// <summary>Neither GraphQL response type is acceptable (406).</summary>
    None,

    /// <summary><c>application/graphql-response+json</c>: status codes tell request errors (4xx) from executed operations (200).</summary>
    GraphQLResponseJson,

    /// <summary><c>application/json</c>: 200 for every well-formed request, as legacy clients expect.</summary>
    Json,
}

/// <summary>
/// Content negotiation by the Accept header (RFC 9110 §12.5.1): each type the server can answer with gets the
/// quality of the most specific media range matching it (<c>application/json</c> before <c>application/*</c> before
/// <c>*/*</c>; a range naming a charset other than UTF-8 does not match, since responses are UTF-8, nor does one with a
/// malformed quality), and the type
/// with the highest quality wins; quality 0 means "not acceptable".
/// </summary>
public static class AcceptNegotiation
{
    private const int Exact = 3;

    /// <summary>
    /// The GraphQL response type for <paramref name="accept"/>. On equal quality a type the header names beats one
    /// it only reaches through a wildcard, and when both are named <c>application/graphql-response+json</c> wins
    /// (the spec's preferred type). When neither is named (<c>*/*</c>) or there is no Accept header, the answer is
    /// <c>application/json</c>: the spec's legacy default, which graphql-http's audits (80D8, 47DE) expect and with
    /// which clients that state no preference get 200 status codes.
    /// </summary>
    public static GraphQLResponseFormat Negotiate(StringValues accept)
    {
        if (NamesOneAlone(accept) is var named and not GraphQLResponseFormat.None)
        {
            return named;
        }

        if (IsAbsent(accept))
        {
            return GraphQLResponseFormat.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return GraphQLResponseFormat.None;
        }

        var graphql = Match(ranges, "application", "graphql-response+json");
        var json = Match(ranges, "application", "json");
        if (graphql.Quality <= 0 && json.Quality <= 0)
        {
            return GraphQLResponseFormat.None;
        }

        if (graphql.Quality != json.Quality)
        {
            return graphql.Quality > json.Quality ? GraphQLResponseFormat.GraphQLResponseJson : GraphQLResponseFormat.Json;
        }

        return graphql.Specificity == Exact ? GraphQLResponseFormat.GraphQLResponseJson : GraphQLResponseFormat.Json;
    }

    /// <summary>
    /// The response type of an Accept header that is exactly one of the two, alone (as GraphQL clients send it), which
    /// the negotiation would choose: known without parsing the header. None for any other header.
    /// </summary>
    internal static GraphQLResponseFormat NamesOneAlone(StringValues accept) =>
        accept.Count == 1
            ? accept[0] switch
            {
                MediaTypes.GraphQLResponseJson => GraphQLResponseFormat.GraphQLResponseJson,
                MediaTypes.Json => GraphQLResponseFormat.Json,
                _ => GraphQLResponseFormat.None,
            }
            : GraphQLResponseFormat.None;

    /// <summary>True when <paramref name="accept"/> allows <c>type/subtype</c> (or says nothing).</summary>
    public static bool Accepts(StringValues accept, string type, string subtype) =>
        IsAbsent(accept) || (MediaTypeHeaderValue.TryParseList(accept, out var ranges) && Match(ranges, type, subtype).Quality > 0);

    private static bool IsAbsent(StringValues accept)
    {
        foreach (var value in accept)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The quality the most specific matching range gives <c>type/subtype</c> (the highest among equally specific ones).</summary>
    private static Preference Match(IList<MediaTypeHeaderValue> ranges, string type, string subtype)
    {
        var best = new Preference(0, 0);
        foreach (var range in ranges)
        {
            int specificity;
            if (range.MatchesAllTypes)
            {
                specificity = 1;
            }
            else if (!range.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            else if (range.MatchesAllSubTypes)
            {
                specificity = 2;
            }
            else if (range.SubType.Equals(subtype, StringComparison.OrdinalIgnoreCase))
            {
                specificity = Exact;
            }
            else
            {
                continue;
            }

            if (!HttpCharsets.IsUtf8OrUnspecified(range.Charset) || HasInvalidQuality(range))
            {
                continue;
            }

            var quality = range.Quality ?? 1;
            if (specificity > best.Specificity || (specificity == best.Specificity && quality > best.Quality))
            {
                best = new Preference(quality, specificity);
            }
        }

        return best;
    }

    /// <summary>True when the range gives a <c>q</c> that is not a quality (<c>q=abc</c>): such a range is ignored, as malformed.</summary>
    private static bool HasInvalidQuality(MediaTypeHeaderValue range)
    {
        if (range.Quality is not null)
        {
            return false;
        }

        foreach (var parameter in range.Parameters)
        {
            if (parameter.Name.Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Preference(double Quality, int Specificity);
}
