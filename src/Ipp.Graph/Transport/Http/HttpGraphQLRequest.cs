using System.Buffers;
using System.Text.Json;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Transport.Http;

/// <summary>
/// A GraphQL request read from an HTTP request, or the problem that stopped reading it. Owns the body and the
/// parsed JSON the request's variables point into (pooled memory): dispose it once the response is written.
/// </summary>
public sealed class HttpGraphQLRequest : IDisposable
{
    private readonly JsonDocument? _json;
    private readonly IDisposable? _resources;
    private byte[]? _body;

    private static readonly Task<HttpProblem?> NoFiles = Task.FromResult<HttpProblem?>(null);

    private HttpGraphQLRequest(
        GraphQLRequest? request, HttpProblem? problem, JsonDocument? json, byte[]? body, IDisposable? resources = null, Task<HttpProblem?>? filesRead = null)
    {
        Request = request;
        FilesRead = filesRead ?? NoFiles;
        Problem = problem;
        _json = json;
        _body = body;
        _resources = resources;
    }

    /// <summary>The request; null when <see cref="Problem"/> says why there is none.</summary>
    public GraphQLRequest? Request { get; }

    /// <summary>Why the HTTP request holds no well-formed GraphQL request; null when it does.</summary>
    public HttpProblem? Problem { get; }

    /// <summary>
    /// The rest of a multipart request's body, its files, read while the operation runs: null once they all came whole,
    /// else the problem to answer instead of the operation's result; it throws when the client went away. Already
    /// null for any other request. Await it before answering, and before disposing this.
    /// </summary>
    public Task<HttpProblem?> FilesRead { get; }

    /// <summary>A request; <paramref name="json"/> and <paramref name="body"/> (rented from the shared array pool) are released on dispose.</summary>
    internal static HttpGraphQLRequest Read(GraphQLRequest request, JsonDocument? json = null, byte[]? body = null) => new(request, null, json, body);

    /// <summary>
    /// A request that also owns <paramref name="resources"/> (a multipart request's uploaded files), disposed with it,
    /// whose files are still arriving until <paramref name="filesRead"/> ends.
    /// </summary>
    internal static HttpGraphQLRequest Read(GraphQLRequest request, JsonDocument json, byte[] body, IDisposable resources, Task<HttpProblem?> filesRead) =>
        new(request, null, json, body, resources, filesRead);

    internal static HttpGraphQLRequest Failed(HttpProblem problem) => new(null, problem, null, null);

    public void Dispose()
    {
        _resources?.Dispose();
        _json?.Dispose();
        if (_body is { } body)
        {
            _body = null;
            ArrayPool<byte>.Shared.Return(body);
        }
    }
}
