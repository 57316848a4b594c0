using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.GraphQL;

/// <summary>Fetches the object of one type by its database key for the caller, or null when it is not theirs to see.</summary>
/// <remarks>A fetcher that queries the database should go through a data loader, so that <c>nodes(ids:)</c> costs one query per type.</remarks>
public delegate ValueTask<object?> NodeFetcher(long key, ResolveContext context);

/// <summary>
/// Resolves <c>Query.node(id:)</c> and <c>Query.nodes(ids:)</c>: each feature registers how to fetch its node types by
/// key; the global id names the type (<see cref="GlobalId"/>). An id that names no registered type, or is not an id,
/// finds nothing.
/// </summary>
public sealed class NodeRegistry
{
    private readonly Dictionary<string, NodeFetcher> _fetchers = new(StringComparer.Ordinal);

    // Finds a fetcher by the type name decoded on the stack, so that reading an id allocates nothing.
    private readonly Dictionary<string, NodeFetcher>.AlternateLookup<ReadOnlySpan<char>> _fetchersByName;

    public NodeRegistry() => _fetchersByName = _fetchers.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Add(string typeName, NodeFetcher fetch) => _fetchers.Add(typeName, fetch);

    internal void Bind(SchemaBuilder builder) =>
        builder
            .Resolve("Query.node", context => FetchAsync(context.GetArgument<string>("id"), context))
            .Resolve("Query.nodes", FetchAllAsync);

    // The type name's buffer is written before it is read: not zeroed first (once per id of a response).
    [SkipLocalsInit]
    private ValueTask<object?> FetchAsync(string id, ResolveContext context)
    {
        Span<char> typeName = stackalloc char[GlobalId.MaxLength];
        return GlobalId.TryDecode(id, typeName, out var length, out var key) && _fetchersByName.TryGetValue(typeName[..length], out var fetch)
            ? fetch(key, context)
            : new ValueTask<object?>((object?)null);
    }

    /// <summary>Starts every fetch before awaiting any, so fetchers' data loaders load each type's keys in one batch.</summary>
    private async ValueTask<object?> FetchAllAsync(ResolveContext context)
    {
        var ids = context.GetArgument<string[]>("ids");
        var maxIds = context.Service<IOptions<NodesOptions>>().Value.MaxIds;
        if (ids.Length > maxIds)
        {
            throw new GraphQLError(
                $"nodes(ids:) takes at most {maxIds} ids; {ids.Length} were given.",
                code: ServerErrorCodes.MaxNodeIdsExceeded);
        }

        var fetches = new ValueTask<object?>[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            fetches[i] = FetchAsync(ids[i], context);
        }

        var nodes = new object?[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            nodes[i] = await fetches[i];
        }

        return nodes;
    }
}
