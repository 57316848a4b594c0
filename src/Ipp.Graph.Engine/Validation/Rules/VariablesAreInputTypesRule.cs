using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>Variables have scalar, enum or input object types (spec: Variables Are Input Types).</summary>
public sealed class VariablesAreInputTypesRule : ValidationRule
{
    private readonly ValidationContext _context;

    public VariablesAreInputTypesRule(ValidationContext context)
        : base(NodeKindSet.Of(NodeKind.VariableDefinition)) => _context = context;

    public override void Enter(Node node)
    {
        var definition = (VariableDefinitionNode)node;
        if (TypeFromAst.Resolve(_context.Schema, definition.Type) is { IsInputType: false })
        {
            _context.ReportError(
                $"Variable \"${definition.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(definition.Type)}\".",
                definition.Type);
        }
    }
}
