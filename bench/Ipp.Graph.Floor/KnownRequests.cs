using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ipp.Graph.Floor;

/// <summary>What a request body asks for: nothing the floor knows, <c>me</c>, or the aliased <c>node(id:)</c> list.</summary>
internal enum RequestKind
{
    Unknown,
    Me,
    Nodes,
}

/// <summary>
/// The two documents the benchmark sends, read once at start from its request bodies, and recognised in a request
/// body by exact text. The aliases and ids of the <c>node(id:)</c> document are taken from its text here, once:
/// the floor's only "planning".
/// </summary>
internal sealed partial class KnownRequests
{
    private readonly byte[] _me;
    private readonly byte[] _nodes;

    private KnownRequests(string me, string nodes, IReadOnlyList<NodeSelection> selections)
    {
        _me = Encoding.UTF8.GetBytes(me);
        _nodes = Encoding.UTF8.GetBytes(nodes);
        Selections = selections;
    }

    /// <summary>The <c>alias: node(id: "…")</c> selections of the node document, in order.</summary>
    public IReadOnlyList<NodeSelection> Selections { get; }

    /// <summary>Reads the documents of the two request bodies (JSON files with a <c>query</c>).</summary>
    public static KnownRequests Read(string meBodyFile, string nodesBodyFile)
    {
        var me = QueryOf(meBodyFile);
        var nodes = QueryOf(nodesBodyFile);
        var selections = NodeSelectionPattern().Matches(nodes)
            .Select(match => new NodeSelection(JsonEncodedText.Encode(match.Groups[1].Value), match.Groups[2].Value))
            .ToArray();
        if (selections.Length == 0)
        {
            throw new InvalidOperationException($"{nodesBodyFile}: the document has no aliased node(id:) selections.");
        }

        return new KnownRequests(me, nodes, selections);
    }

    /// <summary>Which known document a request body's <c>query</c> is.</summary>
    public RequestKind Recognise(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return RequestKind.Unknown;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isQuery = reader.ValueTextEquals("query"u8);
            if (!reader.Read())
            {
                return RequestKind.Unknown;
            }

            if (isQuery)
            {
                return reader.TokenType != JsonTokenType.String ? RequestKind.Unknown
                    : reader.ValueTextEquals(_me) ? RequestKind.Me
                    : reader.ValueTextEquals(_nodes) ? RequestKind.Nodes
                    : RequestKind.Unknown;
            }

            reader.TrySkip();
        }

        return RequestKind.Unknown;
    }

    private static string QueryOf(string bodyFile)
    {
        using var body = JsonDocument.Parse(File.ReadAllBytes(bodyFile));
        return body.RootElement.TryGetProperty("query", out var query) && query.GetString() is { } text
            ? text
            : throw new InvalidOperationException($"{bodyFile} is not a request body with a query.");
    }

    [GeneratedRegex("""(\w+): node\(id: "([^"]*)"\)""")]
    private static partial Regex NodeSelectionPattern();
}

/// <summary>One <c>alias: node(id: "…")</c> of the node document.</summary>
internal sealed record NodeSelection(JsonEncodedText Alias, string Id);
