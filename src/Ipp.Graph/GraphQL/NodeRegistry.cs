using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.GraphQL;

/// <summary>Fetches the object of one type by its database key for the caller, or null when it is not theirs to see.</summary>
public delegate ValueTask<object?> NodeFetcher(long key, ResolveContext context);

/// <summary>
/// Resolves <c>Query.node(id:)</c>: each feature registers how to fetch its node types by key; the global id
/// names the type (<see cref="GlobalId"/>). An id that names no registered type, or is not an id, finds nothing.
/// </summary>
public sealed class NodeRegistry
{
    private readonly Dictionary<string, NodeFetcher> _fetchers = new(StringComparer.Ordinal);

    public void Add(string typeName, NodeFetcher fetch) => _fetchers.Add(typeName, fetch);

    internal void Bind(SchemaBuilder builder) => builder.Resolve("Query.node", FetchAsync);

    private ValueTask<object?> FetchAsync(ResolveContext context) =>
        GlobalId.TryDecode(context.GetArgument<string>("id"), out var typeName, out var key)
        && _fetchers.TryGetValue(typeName, out var fetch)
            ? fetch(key, context)
            : new ValueTask<object?>((object?)null);
}
