using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation;

/// <summary>
/// The directives a document may use: those of the schema (the specified ones when a type-system document has no
/// schema), and those the document defines itself, which take precedence as in graphql-js.
/// </summary>
internal sealed class DirectiveCatalog
{
    private readonly Schema? _schema;
    private readonly Dictionary<string, DirectiveDefinitionNode>? _documentDirectives;

    public DirectiveCatalog(AstValidationContext context)
    {
        _schema = context.Schema;
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                (_documentDirectives ??= new Dictionary<string, DirectiveDefinitionNode>(StringComparer.Ordinal))[directive.Name.Value] = directive;
            }
        }
    }

    /// <summary>Finds a directive by name, defined either in the document (<paramref name="node"/>) or in the schema (<paramref name="definition"/>).</summary>
    public bool TryGet(string name, out DirectiveDefinition? definition, out DirectiveDefinitionNode? node)
    {
        definition = null;
        if (_documentDirectives is not null && _documentDirectives.TryGetValue(name, out node))
        {
            return true;
        }

        node = null;
        definition = _schema is not null ? _schema.GetDirective(name) : SpecifiedDirective(name);
        return definition is not null;
    }

    /// <summary>True when the directive is known and may not be repeated at one location.</summary>
    public bool IsUnique(string name) =>
        TryGet(name, out var definition, out var node) && (node is not null ? !node.Repeatable : !definition!.IsRepeatable);

    private static DirectiveDefinition? SpecifiedDirective(string name)
    {
        foreach (var directive in Directives.Specified)
        {
            if (directive.Name == name)
            {
                return directive;
            }
        }

        return null;
    }
}
