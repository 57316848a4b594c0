namespace Ipp.Graph.Engine.Language.Ast;

/// <summary>
/// Base of every syntax tree node. Nodes are immutable once parsed and compared by reference, so caches
/// (fields collected per selection set, validation results) can key on them.
/// </summary>
public abstract class Node
{
    // The parser records only the span; the Location object is made when first asked for (most never are).
    private Source? _source;
    private int _start;
    private int _end;
    private Location? _location;

    public abstract NodeKind Kind { get; }

    /// <summary>Where the node was parsed from; null when the parser was asked not to record locations.</summary>
    public Location? Location
    {
        get => _location ?? (_source is null ? null : _location = new Location(_start, _end, _source));
        init => _location = value;
    }

    /// <summary>Records the [start, end) span the parser read the node from, without allocating its <see cref="Location"/>.</summary>
    internal void SetSpan(int start, int end, Source source)
    {
        _start = start;
        _end = end;
        _source = source;
    }
}

/// <summary>A name: an identifier as written in the document.</summary>
public sealed class NameNode : Node
{
    public NameNode(string value) => Value = value;

    public override NodeKind Kind => NodeKind.Name;

    public string Value { get; }

    public override string ToString() => Value;
}

/// <summary>A whole document: executable definitions, type-system definitions or both.</summary>
public sealed class DocumentNode : Node
{
    public override NodeKind Kind => NodeKind.Document;

    public required IReadOnlyList<DefinitionNode> Definitions { get; init; }
}

/// <summary>Anything that may appear at the top level of a document.</summary>
public abstract class DefinitionNode : Node
{
}

/// <summary>A node that can carry directives.</summary>
public interface IHasDirectives
{
    IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>A directive use: <c>@name(args)</c>.</summary>
public sealed class DirectiveNode : Node
{
    public override NodeKind Kind => NodeKind.Directive;

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}

/// <summary>An argument of a field or directive: <c>name: value</c>.</summary>
public sealed class ArgumentNode : Node
{
    public override NodeKind Kind => NodeKind.Argument;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }
}
