using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Every argument given to a known directive is one the directive defines (spec: Argument Names, for directives).</summary>
public sealed class KnownArgumentNamesOnDirectivesRule : ValidationRule
{
    private readonly AstValidationContext _context;

    public KnownArgumentNamesOnDirectivesRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.Directive)) => _context = context;

    public override void Enter(Node node)
    {
        Check((DirectiveNode)node);
        SkipChildren();
    }

    /// <summary>Reports the arguments of a directive use that its directive does not define.</summary>
    internal void Check(DirectiveNode directive)
    {
        var directiveName = directive.Name.Value;
        if (directive.Arguments.Count == 0 || !_context.Directives.TryGet(directiveName, out var definition, out var definitionNode))
        {
            return;
        }

        foreach (var argument in directive.Arguments)
        {
            var argumentName = argument.Name.Value;
            if (definition is not null ? definition.GetArgument(argumentName) is not null : IsDefined(definitionNode!, argumentName))
            {
                continue;
            }

            var known = definition is not null
                ? definition.Arguments.Select(a => a.Name)
                : definitionNode!.Arguments.Select(a => a.Name.Value);
            var suggestions = _context.HideSuggestions ? [] : SuggestionList.Find(argumentName, known);
            _context.ReportError(
                $"Unknown argument \"{argumentName}\" on directive \"@{directiveName}\"." + DidYouMean.Format(suggestions), argument);
        }
    }

    private static bool IsDefined(DirectiveDefinitionNode definition, string argumentName)
    {
        foreach (var argument in definition.Arguments)
        {
            if (argument.Name.Value == argumentName)
            {
                return true;
            }
        }

        return false;
    }
}
