using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Error;

/// <summary>
/// An error as GraphQL reports it: a message, the places in the document it concerns, the response path of the
/// field that raised it, and extensions (always with a <c>code</c> when the engine raises it). It is an exception
/// so that resolvers can throw it; the executor catches it and adds it to the response.
/// </summary>
public sealed class GraphQLError : Exception
{
    public GraphQLError(
        string message,
        IReadOnlyList<SourceLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        string? code = null,
        IReadOnlyDictionary<string, object?>? extensions = null,
        Exception? originalError = null)
        : base(message, originalError)
    {
        Locations = locations is { Count: > 0 } ? locations : null;
        Path = path;
        Extensions = WithCode(extensions, code);
    }

    /// <summary>An error about the given syntax nodes; their locations (where recorded) are reported.</summary>
    public GraphQLError(string message, IEnumerable<Node?> nodes, string? code = null, Exception? originalError = null)
        : this(message, LocationsOf(nodes), null, code, null, originalError)
    {
    }

    /// <summary>Line and column of each document position the error concerns; null when none.</summary>
    public IReadOnlyList<SourceLocation>? Locations { get; }

    /// <summary>Response keys (string) and list indices (int) from the root to the field that failed; null outside execution.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Extra data for clients; holds <c>code</c> when the error has one.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The machine-readable code in <see cref="Extensions"/>, if any.</summary>
    public string? Code => Extensions is not null && Extensions.TryGetValue("code", out var code) ? code as string : null;

    /// <summary>A copy of this error placed at a response path (used when a resolver's error reaches the executor).</summary>
    public GraphQLError WithPath(IReadOnlyList<object> path, IReadOnlyList<SourceLocation>? locations) =>
        new(Message, Locations ?? locations, path, null, Extensions, InnerException);

    /// <summary>Where a node starts, when it recorded its location.</summary>
    public static IReadOnlyList<SourceLocation>? LocationsOf(IEnumerable<Node?> nodes)
    {
        List<SourceLocation>? locations = null;
        foreach (var node in nodes)
        {
            if (node?.Location is { } location)
            {
                (locations ??= []).Add(location.StartLocation);
            }
        }

        return locations;
    }

    private static IReadOnlyDictionary<string, object?>? WithCode(IReadOnlyDictionary<string, object?>? extensions, string? code)
    {
        if (code is null)
        {
            return extensions is { Count: > 0 } ? extensions : null;
        }

        var merged = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                merged.TryAdd(key, value);
            }
        }

        return merged;
    }
}
