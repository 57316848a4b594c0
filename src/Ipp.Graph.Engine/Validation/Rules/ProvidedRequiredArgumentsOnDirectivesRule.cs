using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Every directive use gives the arguments its directive requires: non-null and without default (spec: Required Arguments, for directives).</summary>
public sealed class ProvidedRequiredArgumentsOnDirectivesRule : ValidationRule
{
    private readonly AstValidationContext _context;
    private readonly Dictionary<string, List<(string Name, string Type)>> _requiredByDirective = new(StringComparer.Ordinal);

    public ProvidedRequiredArgumentsOnDirectivesRule(AstValidationContext context)
        : base(NodeKindSet.None, NodeKindSet.Of(NodeKind.Directive))
    {
        _context = context;
        foreach (var directive in context.Schema?.Directives ?? Directives.Specified)
        {
            var required = new List<(string, string)>();
            foreach (var argument in directive.Arguments)
            {
                if (argument.IsRequired)
                {
                    required.Add((argument.Name, argument.Type.ToString()));
                }
            }

            _requiredByDirective[directive.Name] = required;
        }

        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                var required = new List<(string, string)>();
                foreach (var argument in directive.Arguments)
                {
                    if (argument.Type is NonNullTypeNode && argument.DefaultValue is null)
                    {
                        required.Add((argument.Name.Value, TypeNodeText.Print(argument.Type)));
                    }
                }

                _requiredByDirective[directive.Name.Value] = required;
            }
        }
    }

    // Checked on leaving, so that errors inside the arguments come first.
    public override void Leave(Node node) => Check((DirectiveNode)node);

    /// <summary>Reports each required argument the directive use leaves out.</summary>
    internal void Check(DirectiveNode directive)
    {
        var directiveName = directive.Name.Value;
        if (!_requiredByDirective.TryGetValue(directiveName, out var required) || required.Count == 0)
        {
            return;
        }

        foreach (var (name, type) in required)
        {
            if (!IsGiven(directive.Arguments, name))
            {
                _context.ReportError(
                    $"Directive \"@{directiveName}\" argument \"{name}\" of type \"{type}\" is required, but it was not provided.", directive);
            }
        }
    }

    internal static bool IsGiven(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Name.Value == name)
            {
                return true;
            }
        }

        return false;
    }
}
