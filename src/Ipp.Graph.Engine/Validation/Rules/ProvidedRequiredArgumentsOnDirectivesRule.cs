using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Every directive use gives the arguments its directive requires: non-null and without default (spec: Required Arguments, for directives).</summary>
public sealed class ProvidedRequiredArgumentsOnDirectivesRule : ValidationRule
{
    private readonly AstValidationContext _context;

    public ProvidedRequiredArgumentsOnDirectivesRule(AstValidationContext context)
        : base(NodeKindSet.None, NodeKindSet.Of(NodeKind.Directive)) => _context = context;

    // Checked on leaving, so that errors inside the arguments come first.
    public override void Leave(Node node) => Check((DirectiveNode)node);

    /// <summary>Reports each required argument the directive use leaves out.</summary>
    internal void Check(DirectiveNode directive)
    {
        var directiveName = directive.Name.Value;
        if (!_context.Directives.TryGet(directiveName, out var definition, out var definitionNode))
        {
            return;
        }

        if (definition is not null)
        {
            foreach (var argument in definition.Arguments)
            {
                if (argument.IsRequired && !IsGiven(directive.Arguments, argument.Name))
                {
                    ReportMissing(directive, argument.Name, argument.Type.ToString());
                }
            }

            return;
        }

        // As graphql-js's keyMap of the required arguments: a name defined twice counts once, with its last definition.
        var arguments = definitionNode!.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i].Name.Value;
            if (!IsRequired(arguments[i]) || IsRequiredEarlier(arguments, i) || IsGiven(directive.Arguments, name))
            {
                continue;
            }

            var last = arguments[i];
            for (var j = i + 1; j < arguments.Count; j++)
            {
                if (arguments[j].Name.Value == name && IsRequired(arguments[j]))
                {
                    last = arguments[j];
                }
            }

            ReportMissing(directive, name, Printer.Print(last.Type));
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

    private static bool IsRequired(InputValueDefinitionNode argument) => argument.Type is NonNullTypeNode && argument.DefaultValue is null;

    private static bool IsRequiredEarlier(IReadOnlyList<InputValueDefinitionNode> arguments, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (arguments[i].Name.Value == arguments[index].Name.Value && IsRequired(arguments[i]))
            {
                return true;
            }
        }

        return false;
    }

    private void ReportMissing(DirectiveNode directive, string argumentName, string type) =>
        _context.ReportError(
            $"Directive \"@{directive.Name.Value}\" argument \"{argumentName}\" of type \"{type}\" is required, but it was not provided.",
            directive);
}
