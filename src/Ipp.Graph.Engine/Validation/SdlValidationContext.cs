using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation;

/// <summary>The context of the rules that check a type-system document (SDL), possibly extending a schema.</summary>
public sealed class SdlValidationContext : AstValidationContext
{
    internal SdlValidationContext(DocumentNode document, Schema? schemaToExtend)
        : base(document, int.MaxValue, hideSuggestions: false)
    {
        SchemaToExtend = schemaToExtend;
    }

    /// <summary>The schema the document extends; null when it defines a schema of its own.</summary>
    public Schema? SchemaToExtend { get; }

    private protected override Schema? SchemaOrNull => SchemaToExtend;
}
