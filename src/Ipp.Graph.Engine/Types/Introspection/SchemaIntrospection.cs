using System.Runtime.CompilerServices;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types.Scalars;
using static Ipp.Graph.Engine.Types.Introspection.IntrospectionDefinitions;

namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary><c>__Schema</c>: the whole schema, its root operation types, every type and every directive.</summary>
internal static class SchemaIntrospection
{
    // Schema.TypeMap is a dictionary; the list graphql-js returns (its values, in insertion order) is built once per schema.
    private static readonly ConditionalWeakTable<Schema, NamedType[]> TypeLists = new();

    public static ObjectType CreateType() => ObjectType(
        "__Schema",
        "What a GraphQL server offers: every type it knows, the directives it accepts, and the root types where query, mutation and subscription operations start.");

    public static void DefineFields(ObjectType schema, ObjectType type, ObjectType directive)
    {
        schema.SetFields(
        [
            Field("description", SpecifiedScalars.String, static context => new(Parent(context).Description), "What the schema is for, in Markdown; null when it has no description."),
            Field("types", NonNullListOfNonNull(type), static context => new(Types(Parent(context))), "Every named type of the schema, built-in ones included."),
            Field("queryType", NonNull(type), static context => new(Parent(context).Query), "The root type of query operations."),
            Field("mutationType", type, static context => new(Parent(context).Mutation), "The root type of mutation operations; null when the schema has none."),
            Field("subscriptionType", type, static context => new(Parent(context).Subscription), "The root type of subscription operations; null when the schema has none."),

            // Directives cannot be deprecated here (graphql-js allows it only behind an experimental parser option),
            // so includeDeprecated changes nothing; the argument exists so that the type matches graphql-js's.
            Field(
                "directives",
                NonNullListOfNonNull(directive),
                static context => new(Parent(context).Directives),
                "Every directive the schema accepts, built-in ones included.",
                IncludeDeprecated(nonNull: true)),
        ]);
    }

    private static Schema Parent(in ResolveContext context) => (Schema)context.Parent!;

    private static NamedType[] Types(Schema schema) =>
        TypeLists.GetOrAdd(schema, static schema => [.. schema.TypeMap.Values]);
}
