using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Types;

/// <summary>The directives the spec defines: @skip, @include, @deprecated, @specifiedBy, @oneOf.</summary>
public static class Directives
{
    /// <summary>The reason @deprecated gives when none is written.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    /// <summary><c>@include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT</c>.</summary>
    public static DirectiveDefinition Include { get; } = Create(
        "include",
        "Keeps this field or fragment in the result only when the `if` argument is true.",
        [DirectiveLocation.FIELD, DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT],
        new ArgumentDefinition("if", new NonNullType(SpecifiedScalars.Boolean), "When false, the field or fragment is left out."));

    /// <summary><c>@skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT</c>.</summary>
    public static DirectiveDefinition Skip { get; } = Create(
        "skip",
        "Leaves this field or fragment out of the result when the `if` argument is true.",
        [DirectiveLocation.FIELD, DirectiveLocation.FRAGMENT_SPREAD, DirectiveLocation.INLINE_FRAGMENT],
        new ArgumentDefinition("if", new NonNullType(SpecifiedScalars.Boolean), "When true, the field or fragment is left out."));

    /// <summary>
    /// <c>@deprecated(reason: String = "No longer supported") on FIELD_DEFINITION | ARGUMENT_DEFINITION |
    /// INPUT_FIELD_DEFINITION | ENUM_VALUE | DIRECTIVE_DEFINITION</c> (the last as in graphql-js 16.15).
    /// </summary>
    public static DirectiveDefinition Deprecated { get; } = Create(
        "deprecated",
        "Marks a part of the schema as deprecated: it still works, but clients should stop using it.",
        [
            DirectiveLocation.FIELD_DEFINITION,
            DirectiveLocation.ARGUMENT_DEFINITION,
            DirectiveLocation.INPUT_FIELD_DEFINITION,
            DirectiveLocation.ENUM_VALUE,
            DirectiveLocation.DIRECTIVE_DEFINITION,
        ],
        new ArgumentDefinition(
            "reason",
            SpecifiedScalars.String,
            "Why it is deprecated and, usually, what to use instead. Written in Markdown (CommonMark).")
        {
            HasDefaultValue = true,
            DefaultValue = DefaultDeprecationReason,
            DefaultValueLiteral = new Language.Ast.StringValueNode { Value = DefaultDeprecationReason },
        });

    /// <summary><c>@specifiedBy(url: String!) on SCALAR</c>.</summary>
    public static DirectiveDefinition SpecifiedBy { get; } = Create(
        "specifiedBy",
        "Gives the address of the specification a custom scalar follows.",
        [DirectiveLocation.SCALAR],
        new ArgumentDefinition("url", new NonNullType(SpecifiedScalars.String), "The address of the scalar's specification."));

    /// <summary><c>@oneOf on INPUT_OBJECT</c>.</summary>
    public static DirectiveDefinition OneOf { get; } = Create(
        "oneOf",
        "Makes an input object take exactly one of its fields, and that field must not be `null`.",
        [DirectiveLocation.INPUT_OBJECT],
        null);

    /// <summary>All five, in graphql-js's order: include, skip, deprecated, specifiedBy, oneOf.</summary>
    public static IReadOnlyList<DirectiveDefinition> Specified { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    /// <summary>True for one of the five directives above, matched by name as graphql-js's isSpecifiedDirective does.</summary>
    public static bool IsSpecified(DirectiveDefinition directive)
    {
        foreach (var specified in Specified)
        {
            if (specified.Name == directive.Name)
            {
                return true;
            }
        }

        return false;
    }

    private static DirectiveDefinition Create(
        string name,
        string description,
        DirectiveLocation[] locations,
        ArgumentDefinition? argument) => new(name, locations, description)
        {
            Arguments = argument is null ? [] : [argument],
            IsBuiltIn = true,
        };
}
