using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Validation;

/// <summary>Checks documents against the spec's validation rules.</summary>
public static class Validator
{
    /// <summary>The errors of an executable document against a schema, by every rule of the spec; empty when valid.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document) => throw new NotImplementedException();

    /// <summary>The errors of a type-system document (SDL), optionally extending an existing schema.</summary>
    public static IReadOnlyList<GraphQLError> ValidateSdl(DocumentNode document, Schema? schemaToExtend = null) =>
        throw new NotImplementedException();
}
