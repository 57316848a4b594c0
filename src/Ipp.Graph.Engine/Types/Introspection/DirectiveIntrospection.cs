using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types.Scalars;
using static Ipp.Graph.Engine.Types.Introspection.IntrospectionDefinitions;

namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary><c>__Directive</c>: a directive the schema accepts, where it may appear and what arguments it takes.</summary>
internal static class DirectiveIntrospection
{
    // The locations boxed once per directive, so that serializing them allocates nothing.
    private static readonly ConditionalWeakTable<DirectiveDefinition, object[]> BoxedLocations = new();

    private static readonly Func<ArgumentDefinition, bool> IsDeprecated = static argument => argument.IsDeprecated;

    public static ObjectType CreateType() => ObjectType(
        "__Directive",
        "A directive: an annotation written with `@` that changes how an operation is executed or adds information to a type system definition. It names where it may be written and which arguments it takes.");

    public static void DefineFields(ObjectType directive, EnumType directiveLocation, ObjectType inputValue)
    {
        directive.SetFields(
        [
            Field("name", NonNull(SpecifiedScalars.String), static context => new(Parent(context).Name), "The directive's name, without the `@`."),
            Field("description", SpecifiedScalars.String, static context => new(Parent(context).Description), "What the directive does, in Markdown."),
            Field("isRepeatable", NonNull(SpecifiedScalars.Boolean), static context => new(ScalarValues.Box(Parent(context).IsRepeatable)), "True when the directive may be written more than once at the same place."),
            Field("locations", NonNullListOfNonNull(directiveLocation), static context => new(Locations(Parent(context))), "Where the directive may be written."),
            Field(
                "args",
                NonNullListOfNonNull(inputValue),
                static context => new(IntrospectionValues.Filter(Parent(context).Arguments, IntrospectionValues.IncludeDeprecated(context), IsDeprecated)),
                "The directive's arguments; deprecated ones only when `includeDeprecated` is true.",
                IncludeDeprecated()),

            // graphql-js can deprecate directives only behind an experimental parser option; here they never are.
            Field("isDeprecated", NonNull(SpecifiedScalars.Boolean), static _ => new(ScalarValues.False), "Always false: directives are not deprecated."),
            Field("deprecationReason", SpecifiedScalars.String, static _ => new((object?)null), "Always null: directives are not deprecated."),
        ]);
    }

    private static DirectiveDefinition Parent(in ResolveContext context) => (DirectiveDefinition)context.Parent!;

    private static object[] Locations(DirectiveDefinition directive) =>
        BoxedLocations.GetOrAdd(directive, static directive =>
        {
            var boxed = new object[directive.Locations.Count];
            for (var i = 0; i < boxed.Length; i++)
            {
                boxed[i] = IntrospectionValues.Box(directive.Locations[i]);
            }

            return boxed;
        });
}
