using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types.Scalars;
using static Ipp.Graph.Engine.Types.Introspection.IntrospectionDefinitions;

namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary>
/// <c>__Type</c>: any type, named or wrapped. Which fields apply depends on its kind; the others are null.
/// </summary>
internal static class TypeIntrospection
{
    private static readonly Func<FieldDefinition, bool> IsFieldDeprecated = static field => field.IsDeprecated;

    private static readonly Func<EnumValueDefinition, bool> IsEnumValueDeprecated = static value => value.IsDeprecated;

    private static readonly Func<InputFieldDefinition, bool> IsInputFieldDeprecated = static field => field.IsDeprecated;

    public static ObjectType CreateType() => ObjectType(
        "__Type",
        "A type of the schema. Its `kind` (see `__TypeKind`) says which other fields apply: scalars have a name, a description and perhaps a `specifiedByURL`; enums have values; objects and interfaces have fields; interfaces and unions list the object types they may stand for; input objects have input fields; lists and non-null wrappers name the type they wrap in `ofType`.");

    public static void DefineFields(ObjectType type, EnumType typeKind, ObjectType field, ObjectType inputValue, ObjectType enumValue)
    {
        type.SetFields(
        [
            Field("kind", NonNull(typeKind), static context => new(IntrospectionValues.Box(Parent(context).Kind)), "What kind of type this is."),
            Field("name", SpecifiedScalars.String, static context => new((Parent(context) as NamedType)?.Name), "The type's name; null for lists and non-null wrappers."),
            Field("description", SpecifiedScalars.String, static context => new((Parent(context) as NamedType)?.Description), "What the type is, in Markdown."),
            Field("specifiedByURL", SpecifiedScalars.String, static context => new((Parent(context) as ScalarType)?.SpecifiedByUrl), "For a scalar, the URL of the specification its values follow (`@specifiedBy`)."),
            Field("fields", ListOfNonNull(field), static context => new(Fields(context)), "For an object or interface type, its fields; deprecated ones only when `includeDeprecated` is true.", IncludeDeprecated()),
            Field("interfaces", ListOfNonNull(type), static context => new((Parent(context) as ComplexType)?.Interfaces), "For an object or interface type, the interfaces it implements."),
            Field("possibleTypes", ListOfNonNull(type), static context => new(PossibleTypes(context)), "For an interface or union, the object types its values may have."),
            Field("enumValues", ListOfNonNull(enumValue), static context => new(EnumValues(context)), "For an enum, its values; deprecated ones only when `includeDeprecated` is true.", IncludeDeprecated()),
            Field("inputFields", ListOfNonNull(inputValue), static context => new(InputFields(context)), "For an input object type, its fields; deprecated ones only when `includeDeprecated` is true.", IncludeDeprecated()),
            Field("ofType", type, static context => new(OfType(Parent(context))), "For a list or non-null wrapper, the type it wraps."),
            Field("isOneOf", SpecifiedScalars.Boolean, static context => new(IsOneOf(Parent(context))), "For an input object type, true when exactly one of its fields must be given (`@oneOf`)."),
        ]);
    }

    private static GraphQLType Parent(in ResolveContext context) => (GraphQLType)context.Parent!;

    private static object? Fields(in ResolveContext context) =>
        context.Parent is ComplexType complex
            ? IntrospectionValues.Filter(complex.Fields, IntrospectionValues.IncludeDeprecated(context), IsFieldDeprecated)
            : null;

    private static object? PossibleTypes(in ResolveContext context) =>
        context.Parent is IAbstractType abstractType ? context.Schema.GetPossibleTypes(abstractType) : null;

    private static object? EnumValues(in ResolveContext context) =>
        context.Parent is EnumType enumType
            ? IntrospectionValues.Filter(enumType.Values, IntrospectionValues.IncludeDeprecated(context), IsEnumValueDeprecated)
            : null;

    private static object? InputFields(in ResolveContext context) =>
        context.Parent is InputObjectType inputObject
            ? IntrospectionValues.Filter(inputObject.Fields, IntrospectionValues.IncludeDeprecated(context), IsInputFieldDeprecated)
            : null;

    private static GraphQLType? OfType(GraphQLType type) => type switch
    {
        ListType list => list.OfType,
        NonNullType nonNull => nonNull.OfType,
        _ => null,
    };

    private static object? IsOneOf(GraphQLType type) =>
        type is InputObjectType inputObject ? ScalarValues.Box(inputObject.IsOneOf) : null;
}
