using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Every argument given to a field or directive is one it defines (spec: Argument Names).</summary>
public sealed class KnownArgumentNamesRule : ValidationRule
{
    private readonly ValidationContext _context;
    private readonly KnownArgumentNamesOnDirectivesRule _directives;

    public KnownArgumentNamesRule(ValidationContext context)
        : base(NodeKindSet.Of(NodeKind.Directive, NodeKind.Argument))
    {
        _context = context;
        _directives = new KnownArgumentNamesOnDirectivesRule(context);
    }

    public override void Enter(Node node)
    {
        if (node is DirectiveNode directive)
        {
            // Arguments of directives are checked here, against the directive: the field's do not apply.
            _directives.Check(directive);
            SkipChildren();
            return;
        }

        if (_context.Argument is not null || _context.FieldDefinition is not { } field || _context.ParentType is not { } parentType)
        {
            return;
        }

        var argumentName = ((ArgumentNode)node).Name.Value;
        var suggestions = _context.HideSuggestions ? [] : SuggestionList.Find(argumentName, field.Arguments.Select(argument => argument.Name));
        _context.ReportError(
            $"Unknown argument \"{argumentName}\" on field \"{parentType.Name}.{field.Name}\"." + DidYouMean.Format(suggestions), node);
    }
}
