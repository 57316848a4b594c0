using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// Every type a document names exists: in the schema, or defined by the document itself (spec: Fragment Spread Type
/// Existence, Variables Are Input Types; SDL: type references). Type-system definitions may name the built-in types
/// even when the schema does not contain them.
/// </summary>
public sealed class KnownTypeNamesRule : ValidationRule
{
    /// <summary>
    /// The specified scalars and the introspection types, always known to type-system definitions; in graphql-js's
    /// order, which decides the order of equally close suggestions.
    /// </summary>
    private static readonly string[] StandardTypeNames =
    [
        "String", "Int", "Float", "Boolean", "ID",
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ];

    private readonly AstValidationContext _context;
    private readonly HashSet<string> _definedTypes = new(StringComparer.Ordinal);

    public KnownTypeNamesRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.NamedType))
    {
        _context = context;
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
            {
                _definedTypes.Add(type.Name.Value);
            }
        }
    }

    public override void Enter(Node node)
    {
        var typeName = ((NamedTypeNode)node).Name.Value;
        var schema = _context.Schema;
        if ((schema is not null && schema.GetType(typeName) is not null) || _definedTypes.Contains(typeName))
        {
            return;
        }

        var isSdl = (_context.Definition ?? _context.Parent) is TypeSystemDefinitionNode;
        if (isSdl && Array.IndexOf(StandardTypeNames, typeName) >= 0)
        {
            return;
        }

        var suggestions = _context.HideSuggestions ? [] : SuggestionList.Find(typeName, CandidateNames(schema, isSdl));
        _context.ReportError($"Unknown type \"{typeName}\"." + DidYouMean.Format(suggestions), node);
    }

    private IEnumerable<string> CandidateNames(Types.Schema? schema, bool isSdl)
    {
        if (isSdl)
        {
            foreach (var name in StandardTypeNames)
            {
                yield return name;
            }
        }

        if (schema is not null)
        {
            foreach (var name in schema.TypeMap.Keys)
            {
                yield return name;
            }
        }

        foreach (var name in _definedTypes)
        {
            yield return name;
        }
    }
}
