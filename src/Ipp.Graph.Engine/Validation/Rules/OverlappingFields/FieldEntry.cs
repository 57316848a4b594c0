using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation.Rules.OverlappingFields;

/// <summary>A field selection as collected for one parent type, with what comparisons of it need, computed once.</summary>
internal sealed class FieldEntry(NamedType? parentType, FieldNode node, FieldDefinition? definition)
{
    /// <summary>Not yet computed (see <see cref="ClassId"/>).</summary>
    public const int UnknownClass = int.MinValue;

    /// <summary>The class of fields whose comparisons cannot be shortened this way (its sub-selections spread fragments).</summary>
    public const int NoClass = -1;

    public NamedType? ParentType { get; } = parentType;

    public FieldNode Node { get; } = node;

    public FieldDefinition? Definition { get; } = definition;

    /// <summary>No arguments and no sub-selection.</summary>
    public bool IsSimpleLeaf { get; } = node.Arguments.Count == 0 && node.SelectionSet is null;

    /// <summary>The argument values by name (the last one for a name given twice); built when the field is first compared.</summary>
    public Dictionary<string, ValueNode>? ArgumentValues { get; set; }

    /// <summary>Reasons already found why this field and another cannot be merged by name or arguments (null: they can).</summary>
    public Dictionary<FieldEntry, string?>? Comparisons { get; set; }

    /// <summary>The type printed, for messages.</summary>
    public string? TypeString { get; set; }

    /// <summary>
    /// Fields of the same class (same parent type, name, arguments, definition and sub-selection structure, with no
    /// fragment spreads below) compare alike with any field, so comparisons are made once per pair of classes.
    /// </summary>
    public int ClassId { get; set; } = UnknownClass;
}
