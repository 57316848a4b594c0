using Ipp.Graph.Engine.Validation.Rules;

namespace Ipp.Graph.Engine.Validation;

/// <summary>The rules the spec requires (graphql-js 16's specifiedRules and specifiedSDLRules), in graphql-js's order.</summary>
public static class SpecifiedRules
{
    /// <summary>The rules for executable documents (operations and fragments).</summary>
    public static IReadOnlyList<Func<ValidationContext, ValidationRule>> Executable { get; } =
    [
        context => new ExecutableDefinitionsRule(context),
        context => new UniqueOperationNamesRule(context),
        context => new LoneAnonymousOperationRule(context),
        context => new SingleFieldSubscriptionsRule(context),
        context => new KnownTypeNamesRule(context),
        context => new FragmentsOnCompositeTypesRule(context),
        context => new VariablesAreInputTypesRule(context),
        context => new ScalarLeafsRule(context),
        context => new FieldsOnCorrectTypeRule(context),
        context => new UniqueFragmentNamesRule(context),
        context => new KnownFragmentNamesRule(context),
        context => new NoUnusedFragmentsRule(context),
        context => new PossibleFragmentSpreadsRule(context),
        context => new NoFragmentCyclesRule(context),
        context => new UniqueVariableNamesRule(context),
        context => new NoUndefinedVariablesRule(context),
        context => new NoUnusedVariablesRule(context),
        context => new KnownDirectivesRule(context),
        context => new UniqueDirectivesPerLocationRule(context),
        context => new KnownArgumentNamesRule(context),
        context => new UniqueArgumentNamesRule(context),
        context => new ValuesOfCorrectTypeRule(context),
        context => new ProvidedRequiredArgumentsRule(context),
        context => new VariablesInAllowedPositionRule(context),
        context => new OverlappingFieldsCanBeMergedRule(context),
        context => new UniqueInputFieldNamesRule(context),
        context => new MaxIntrospectionDepthRule(context),
    ];

    /// <summary>The rules for type-system documents (SDL), used when a schema is built or extended.</summary>
    public static IReadOnlyList<Func<SdlValidationContext, ValidationRule>> Sdl { get; } =
    [
        context => new LoneSchemaDefinitionRule(context),
        context => new UniqueOperationTypesRule(context),
        context => new UniqueTypeNamesRule(context),
        context => new UniqueEnumValueNamesRule(context),
        context => new UniqueFieldDefinitionNamesRule(context),
        context => new UniqueArgumentDefinitionNamesRule(context),
        context => new UniqueDirectiveNamesRule(context),
        context => new KnownTypeNamesRule(context),
        context => new KnownDirectivesRule(context),
        context => new UniqueDirectivesPerLocationRule(context),
        context => new PossibleTypeExtensionsRule(context),
        context => new KnownArgumentNamesOnDirectivesRule(context),
        context => new UniqueArgumentNamesRule(context),
        context => new UniqueInputFieldNamesRule(context),
        context => new ProvidedRequiredArgumentsOnDirectivesRule(context),
    ];
}
