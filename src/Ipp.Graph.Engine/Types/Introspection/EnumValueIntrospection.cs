using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types.Scalars;
using static Ipp.Graph.Engine.Types.Introspection.IntrospectionDefinitions;

namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary><c>__EnumValue</c>: one value of an enum type.</summary>
internal static class EnumValueIntrospection
{
    public static ObjectType CreateType() => ObjectType(
        "__EnumValue",
        "One value of an enum type. It is a name of its own, not a stand-in for a number; responses carry it as a string.");

    public static void DefineFields(ObjectType enumValue)
    {
        enumValue.SetFields(
        [
            Field("name", NonNull(SpecifiedScalars.String), static context => new(Parent(context).Name), "The value as written in documents and responses."),
            Field("description", SpecifiedScalars.String, static context => new(Parent(context).Description), "What the value means, in Markdown."),
            Field("isDeprecated", NonNull(SpecifiedScalars.Boolean), static context => new(ScalarValues.Box(Parent(context).IsDeprecated)), "True when clients should stop using the value."),
            Field("deprecationReason", SpecifiedScalars.String, static context => new(Parent(context).DeprecationReason), "Why the value is deprecated and what to use instead; null when it is not deprecated."),
        ]);
    }

    private static EnumValueDefinition Parent(in ResolveContext context) => (EnumValueDefinition)context.Parent!;
}
