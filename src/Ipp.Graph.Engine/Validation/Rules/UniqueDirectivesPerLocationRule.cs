using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>
/// A non-repeatable directive is used at most once per location (spec: Directives Are Unique Per Location). A type
/// and its extensions count as one location, and so do the schema definition and its extensions.
/// </summary>
public sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    private readonly AstValidationContext _context;
    private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _directiveDefinitionDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveNode> _localDirectives = new(StringComparer.Ordinal);

    public UniqueDirectivesPerLocationRule(AstValidationContext context)
        : base(NodeKindSet.WithDirectives) => _context = context;

    public override void Enter(Node node)
    {
        var directives = ((IHasDirectives)node).Directives;
        if (directives.Count == 0)
        {
            return;
        }

        Dictionary<string, DirectiveNode> seen;
        switch (node)
        {
            case SchemaDefinitionNode or SchemaExtensionNode:
                seen = _schemaDirectives;
                break;
            case TypeDefinitionNode type:
                seen = SeenFor(_typeDirectives, type.Name.Value);
                break;
            case TypeExtensionNode extension:
                seen = SeenFor(_typeDirectives, extension.Name.Value);
                break;
            case DirectiveDefinitionNode directiveDefinition:
                seen = SeenFor(_directiveDefinitionDirectives, directiveDefinition.Name.Value);
                break;
            default:
                if (directives.Count == 1)
                {
                    return;
                }

                seen = _localDirectives;
                seen.Clear();
                break;
        }

        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (!_context.Directives.IsUnique(name))
            {
                continue;
            }

            if (seen.TryGetValue(name, out var first))
            {
                _context.ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
            }
            else
            {
                seen[name] = directive;
            }
        }
    }

    private static Dictionary<string, DirectiveNode> SeenFor(Dictionary<string, Dictionary<string, DirectiveNode>> byName, string name)
    {
        if (!byName.TryGetValue(name, out var seen))
        {
            seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            byName[name] = seen;
        }

        return seen;
    }
}
