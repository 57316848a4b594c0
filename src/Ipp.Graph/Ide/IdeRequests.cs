using Ipp.Graph.Transport;
using Microsoft.Net.Http.Headers;

namespace Ipp.Graph.Ide;

/// <summary>Which requests are for the IDE rather than for GraphQL.</summary>
public static class IdeRequests
{
    /// <summary>Where the IDE asks for its configuration (beside its page).</summary>
    public const string ConfigurationPath = GraphQLRoute.Path + "/bcp-config.json";

    /// <summary>
    /// True for a <c>GET</c> or <c>HEAD</c> of <c>/graphql</c> (or <c>/graphql/</c>) without a GraphQL request in its
    /// query string (<c>query</c>) or a schema request (<c>sdl</c>), whose Accept header ranks <c>text/html</c> above
    /// both JSON response types, as a browser navigating there does. Wildcards do not count: <c>*/*</c> gets JSON.
    /// </summary>
    public static bool IsPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && IsGraphQLPath(request.Path)
        && !request.Query.ContainsKey("query")
        && !request.Query.ContainsKey("sdl")
        && PrefersHtml(request.Headers.Accept);

    /// <summary>True for a <c>GET</c> or <c>HEAD</c> of <see cref="ConfigurationPath"/>.</summary>
    public static bool IsConfiguration(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Path.Equals(ConfigurationPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True for a <c>GET</c> or <c>HEAD</c> of a path below <c>/graphql/</c> (one of the IDE's static files, or
    /// nothing): never a GraphQL request, whose responses may carry secrets and so are never compressed.
    /// </summary>
    public static bool IsStaticFile(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Path.StartsWithSegments(GraphQLRoute.Path, StringComparison.OrdinalIgnoreCase, out var rest)
        && rest.HasValue && rest.Value != "/";

    /// <summary><c>/graphql</c> as routing matches it: any case, with or without a trailing slash.</summary>
    private static bool IsGraphQLPath(PathString path) =>
        path.StartsWithSegments(GraphQLRoute.Path, StringComparison.OrdinalIgnoreCase, out var rest) && (!rest.HasValue || rest.Value == "/");

    /// <summary>
    /// True when <c>text/html</c> is named with a higher quality than either JSON response type, or with the same
    /// quality but listed first.
    /// </summary>
    private static bool PrefersHtml(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return false;
        }

        var html = new Preference(0, int.MaxValue);
        var json = new Preference(0, int.MaxValue);
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            var offer = new Preference(range.Quality ?? 1, i);
            if (range.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Preference.Better(html, offer);
            }
            else if (range.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || range.MediaType.Equals("application/graphql-response+json", StringComparison.OrdinalIgnoreCase))
            {
                json = Preference.Better(json, offer);
            }
        }

        return html.Quality > 0 && (html.Quality > json.Quality || (html.Quality == json.Quality && html.Position < json.Position));
    }

    /// <summary>A media type's quality and where the header first gives it that quality.</summary>
    private readonly record struct Preference(double Quality, int Position)
    {
        public static Preference Better(Preference current, Preference offer) => offer.Quality > current.Quality ? offer : current;
    }
}
