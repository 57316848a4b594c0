using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types.Scalars;
using static Ipp.Graph.Engine.Types.Introspection.IntrospectionDefinitions;

namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary><c>__Field</c>: a field of an object or interface type, with its arguments and its type.</summary>
internal static class FieldIntrospection
{
    private static readonly Func<ArgumentDefinition, bool> IsDeprecated = static argument => argument.IsDeprecated;

    public static ObjectType CreateType() => ObjectType(
        "__Field",
        "A field of an object or interface type: its name, the arguments it takes and the type of its value.");

    public static void DefineFields(ObjectType field, ObjectType type, ObjectType inputValue)
    {
        field.SetFields(
        [
            Field("name", NonNull(SpecifiedScalars.String), static context => new(Parent(context).Name), "The field's name."),
            Field("description", SpecifiedScalars.String, static context => new(Parent(context).Description), "What the field is, in Markdown."),
            Field(
                "args",
                NonNullListOfNonNull(inputValue),
                static context => new(IntrospectionValues.Filter(Parent(context).Arguments, IntrospectionValues.IncludeDeprecated(context), IsDeprecated)),
                "The field's arguments; deprecated ones only when `includeDeprecated` is true.",
                IncludeDeprecated()),
            Field("type", NonNull(type), static context => new(Parent(context).Type), "The type of the field's value."),
            Field("isDeprecated", NonNull(SpecifiedScalars.Boolean), static context => new(ScalarValues.Box(Parent(context).IsDeprecated)), "True when clients should stop using the field."),
            Field("deprecationReason", SpecifiedScalars.String, static context => new(Parent(context).DeprecationReason), "Why the field is deprecated and what to use instead; null when it is not deprecated."),
        ]);
    }

    private static FieldDefinition Parent(in ResolveContext context) => (FieldDefinition)context.Parent!;
}
