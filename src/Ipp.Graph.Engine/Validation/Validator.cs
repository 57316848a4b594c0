using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Validation;

/// <summary>Checks documents against the spec's validation rules.</summary>
public static class Validator
{
    /// <summary>The errors of an executable document against a schema, by every rule of the spec; empty when valid.</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document) =>
        Validate(schema, document, SpecifiedRules.Executable, ValidationOptions.Default);

    /// <summary>The errors of an executable document by every rule of the spec, with options (error limit, suggestions).</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, ValidationOptions options) =>
        Validate(schema, document, SpecifiedRules.Executable, options);

    /// <summary>
    /// The errors of an executable document by the given rules, in the order the single traversal finds them. Stops
    /// after <see cref="ValidationOptions.MaxErrors"/> errors, or when the document needs more work than graphql-js
    /// allows (fragment fan-out, overlapping fields), ending the list with an error that says so.
    /// </summary>
    public static IReadOnlyList<GraphQLError> Validate(
        Schema schema,
        DocumentNode document,
        IReadOnlyList<Func<ValidationContext, ValidationRule>> rules,
        ValidationOptions? options = null)
    {
        var typeInfo = new TypeInfo(schema);
        var context = new ValidationContext(schema, document, typeInfo, options ?? ValidationOptions.Default);
        return Run(context, document, rules, typeInfo);
    }

    /// <summary>The errors of a type-system document (SDL), optionally extending an existing schema.</summary>
    public static IReadOnlyList<GraphQLError> ValidateSdl(DocumentNode document, Schema? schemaToExtend = null) =>
        ValidateSdl(document, schemaToExtend, SpecifiedRules.Sdl);

    /// <summary>The errors of a type-system document by the given rules.</summary>
    public static IReadOnlyList<GraphQLError> ValidateSdl(
        DocumentNode document,
        Schema? schemaToExtend,
        IReadOnlyList<Func<SdlValidationContext, ValidationRule>> rules)
    {
        var context = new SdlValidationContext(document, schemaToExtend);
        return Run(context, document, rules, typeInfo: null);
    }

    private static IReadOnlyList<GraphQLError> Run<TContext>(
        TContext context,
        DocumentNode document,
        IReadOnlyList<Func<TContext, ValidationRule>> rules,
        TypeInfo? typeInfo)
        where TContext : AstValidationContext
    {
        GraphQLError? finalError = null;
        try
        {
            var instances = new ValidationRule[rules.Count];
            for (var i = 0; i < instances.Length; i++)
            {
                instances[i] = rules[i](context);
            }

            var walker = new DocumentWalker(context, instances, typeInfo, collectVariableUsages: typeInfo is not null);
            context.Walker = walker;
            walker.Walk(document);
        }
        catch (ValidationAbortedException aborted)
        {
            finalError = aborted.FinalError;
        }
        finally
        {
            context.Walker = null;
        }

        if (finalError is null)
        {
            return context.Errors.Count == 0 ? [] : context.Errors;
        }

        return [.. context.Errors, finalError];
    }
}
