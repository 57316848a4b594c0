using System.Text.Json;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Transport.Http;

/// <summary>
/// A GraphQL request read from an HTTP request, or the problem that stopped reading it. Owns the parsed JSON the
/// request's variables point into: dispose it once the response is written.
/// </summary>
public sealed class HttpGraphQLRequest : IDisposable
{
    private readonly JsonDocument? _json;

    private HttpGraphQLRequest(GraphQLRequest? request, HttpProblem? problem, JsonDocument? json)
    {
        Request = request;
        Problem = problem;
        _json = json;
    }

    /// <summary>The request; null when <see cref="Problem"/> says why there is none.</summary>
    public GraphQLRequest? Request { get; }

    /// <summary>Why the HTTP request holds no well-formed GraphQL request; null when it does.</summary>
    public HttpProblem? Problem { get; }

    internal static HttpGraphQLRequest Read(GraphQLRequest request, JsonDocument? json) => new(request, null, json);

    internal static HttpGraphQLRequest Failed(HttpProblem problem, JsonDocument? json = null)
    {
        json?.Dispose();
        return new HttpGraphQLRequest(null, problem, null);
    }

    public void Dispose() => _json?.Dispose();
}
