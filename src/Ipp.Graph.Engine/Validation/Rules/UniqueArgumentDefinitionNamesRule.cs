using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>No field or directive definition defines the same argument twice.</summary>
public sealed class UniqueArgumentDefinitionNamesRule : ValidationRule
{
    private readonly SdlValidationContext _context;

    public UniqueArgumentDefinitionNamesRule(SdlValidationContext context)
        : base(NodeKindSet.Of(
            NodeKind.DirectiveDefinition,
            NodeKind.InterfaceTypeDefinition,
            NodeKind.InterfaceTypeExtension,
            NodeKind.ObjectTypeDefinition,
            NodeKind.ObjectTypeExtension)) => _context = context;

    public override void Enter(Node node)
    {
        SkipChildren();
        if (node is DirectiveDefinitionNode directive)
        {
            Check("@" + directive.Name.Value, directive.Arguments);
            return;
        }

        var (typeName, fields) = node switch
        {
            InterfaceTypeDefinitionNode type => (type.Name.Value, type.Fields),
            InterfaceTypeExtensionNode type => (type.Name.Value, type.Fields),
            ObjectTypeDefinitionNode type => (type.Name.Value, type.Fields),
            _ => (((ObjectTypeExtensionNode)node).Name.Value, ((ObjectTypeExtensionNode)node).Fields),
        };
        foreach (var field in fields)
        {
            Check(typeName + "." + field.Name.Value, field.Arguments);
        }
    }

    private void Check(string parentName, IReadOnlyList<InputValueDefinitionNode> arguments)
    {
        var duplicates = NameGroups.FindDuplicates(arguments, argument => argument.Name);
        if (duplicates is null)
        {
            return;
        }

        foreach (var (name, nodes) in duplicates)
        {
            _context.ReportError($"Argument \"{parentName}({name}:)\" can only be defined once.", nodes);
        }
    }
}
