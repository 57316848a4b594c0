using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Every argument given to a known directive is one the directive defines (spec: Argument Names, for directives).</summary>
public sealed class KnownArgumentNamesOnDirectivesRule : ValidationRule
{
    private readonly AstValidationContext _context;
    private readonly Dictionary<string, List<string>> _argumentNamesByDirective = new(StringComparer.Ordinal);

    public KnownArgumentNamesOnDirectivesRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.Directive))
    {
        _context = context;
        foreach (var directive in context.Schema?.Directives ?? Directives.Specified)
        {
            _argumentNamesByDirective[directive.Name] = directive.Arguments.Select(argument => argument.Name).ToList();
        }

        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                _argumentNamesByDirective[directive.Name.Value] = directive.Arguments.Select(argument => argument.Name.Value).ToList();
            }
        }
    }

    public override void Enter(Node node)
    {
        Check((DirectiveNode)node);
        SkipChildren();
    }

    /// <summary>Reports the arguments of a directive use that its directive does not define.</summary>
    internal void Check(DirectiveNode directive)
    {
        var directiveName = directive.Name.Value;
        if (directive.Arguments.Count == 0 || !_argumentNamesByDirective.TryGetValue(directiveName, out var known))
        {
            return;
        }

        foreach (var argument in directive.Arguments)
        {
            var argumentName = argument.Name.Value;
            if (known.Contains(argumentName))
            {
                continue;
            }

            var suggestions = _context.HideSuggestions ? [] : SuggestionList.Find(argumentName, known);
            _context.ReportError(
                $"Unknown argument \"{argumentName}\" on directive \"@{directiveName}\"." + DidYouMean.Format(suggestions), argument);
        }
    }
}
