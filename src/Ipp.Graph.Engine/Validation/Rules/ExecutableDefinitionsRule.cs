using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>An executable document holds only operations and fragments (spec: Executable Definitions).</summary>
public sealed class ExecutableDefinitionsRule : ValidationRule
{
    private readonly AstValidationContext _context;

    public ExecutableDefinitionsRule(AstValidationContext context)
        : base(NodeKindSet.Of(NodeKind.Document)) => _context = context;

    public override void Enter(Node node)
    {
        foreach (var definition in ((DocumentNode)node).Definitions)
        {
            if (definition is ExecutableDefinitionNode)
            {
                continue;
            }

            var name = definition switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "schema",
                TypeDefinitionNode type => "\"" + type.Name.Value + "\"",
                TypeExtensionNode extension => "\"" + extension.Name.Value + "\"",
                DirectiveDefinitionNode directive => "\"" + directive.Name.Value + "\"",
                _ => "\"" + definition.Kind + "\"",
            };
            _context.ReportError($"The {name} definition is not executable.", definition);
        }

        SkipChildren();
    }
}
