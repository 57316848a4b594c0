using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Rules;

/// <summary>A type-system document defines the schema at most once, and not at all when it extends a schema that has one.</summary>
public sealed class LoneSchemaDefinitionRule : ValidationRule
{
    private readonly SdlValidationContext _context;
    private readonly bool _alreadyDefined;
    private int _schemaDefinitionCount;

    public LoneSchemaDefinitionRule(SdlValidationContext context)
        : base(NodeKindSet.Of(NodeKind.SchemaDefinition))
    {
        _context = context;
        var schema = context.SchemaToExtend;
        _alreadyDefined = schema is not null
            && (schema.AstNode is not null || schema.Query is not null || schema.Mutation is not null || schema.Subscription is not null);
    }

    public override void Enter(Node node)
    {
        if (_alreadyDefined)
        {
            _context.ReportError("Cannot define a new schema within a schema extension.", node);
            return;
        }

        if (_schemaDefinitionCount > 0)
        {
            _context.ReportError("Must provide only one schema definition.", node);
        }

        _schemaDefinitionCount++;
    }
}
