using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Validation.Limits;

/// <summary>
/// Refuses documents whose operations are too big before the validation rules look at them, so hostile documents
/// cost little. The size of each fragment is computed once and reused wherever it is spread, with saturating
/// counts, so fragments that fan out exponentially are measured in linear time. Spreads that form a cycle are not
/// followed (validation reports the cycle).
/// </summary>
public static class DocumentLimitChecker
{
    /// <summary>The first operation or fragment, in document order, that exceeds a limit (depth, then fields, then aliases); null when none does.</summary>
    public static GraphQLError? Check(DocumentNode document, DocumentLimits limits)
    {
        if (limits.MaxDepth is null && limits.MaxFields is null && limits.MaxAliases is null)
        {
            return null;
        }

        var measure = new SelectionMeasure(document);
        try
        {
            foreach (var definition in document.Definitions)
            {
                if (definition is ExecutableDefinitionNode executable && Check(measure, executable, limits) is { } error)
                {
                    return error;
                }
            }
        }
        catch (InsufficientExecutionStackException)
        {
            return new GraphQLError("The document is nested too deeply.", [document], ErrorCodes.MaxDepthExceeded);
        }

        return null;
    }

    private static GraphQLError? Check(SelectionMeasure measure, ExecutableDefinitionNode definition, DocumentLimits limits)
    {
        var size = measure.Of(definition.SelectionSet);
        if (limits.MaxDepth is { } maxDepth && size.Depth > maxDepth)
        {
            var at = measure.FindBeyond(definition.SelectionSet, maxDepth, SelectionMeasure.Count.Depth) ?? (Node)definition;
            return new GraphQLError($"{Describe(definition)} exceeds the maximum depth of {maxDepth}.", [at], ErrorCodes.MaxDepthExceeded);
        }

        if (limits.MaxFields is { } maxFields && size.Fields > maxFields)
        {
            var at = measure.FindBeyond(definition.SelectionSet, maxFields, SelectionMeasure.Count.Fields) ?? (Node)definition;
            return new GraphQLError(
                $"{Describe(definition)} exceeds the maximum of {maxFields} fields (fragments expanded).", [at], ErrorCodes.MaxFieldsExceeded);
        }

        if (limits.MaxAliases is { } maxAliases && size.Aliases > maxAliases)
        {
            var at = measure.FindBeyond(definition.SelectionSet, maxAliases, SelectionMeasure.Count.Aliases) ?? (Node)definition;
            return new GraphQLError(
                $"{Describe(definition)} exceeds the maximum of {maxAliases} aliases (fragments expanded).", [at], ErrorCodes.MaxAliasesExceeded);
        }

        return null;
    }

    private static string Describe(ExecutableDefinitionNode definition) => definition switch
    {
        OperationDefinitionNode { Name: { } name } => $"Operation \"{name.Value}\"",
        OperationDefinitionNode => "Anonymous operation",
        FragmentDefinitionNode fragment => $"Fragment \"{fragment.Name.Value}\"",
        _ => "Definition",
    };
}
