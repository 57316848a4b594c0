using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Every field and directive gets the arguments it requires: non-null and without default (spec: Required Arguments).</summary>
public sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    private readonly ValidationContext _context;
    private readonly ProvidedRequiredArgumentsOnDirectivesRule _directives;

    public ProvidedRequiredArgumentsRule(ValidationContext context)
        : base(NodeKindSet.None, NodeKindSet.Of(NodeKind.Field, NodeKind.Directive))
    {
        _context = context;
        _directives = new ProvidedRequiredArgumentsOnDirectivesRule(context);
    }

    // Checked on leaving, so that errors inside the arguments and the selections come first.
    public override void Leave(Node node)
    {
        if (node is DirectiveNode directive)
        {
            _directives.Check(directive);
            return;
        }

        if (_context.FieldDefinition is not { } field)
        {
            return;
        }

        var fieldNode = (FieldNode)node;
        foreach (var argument in field.Arguments)
        {
            if (argument.IsRequired && !ProvidedRequiredArgumentsOnDirectivesRule.IsGiven(fieldNode.Arguments, argument.Name))
            {
                _context.ReportError(
                    $"Field \"{field.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                    fieldNode);
            }
        }
    }
}
