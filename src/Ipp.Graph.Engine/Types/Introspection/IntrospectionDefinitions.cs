using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Types.Introspection;

/// <summary>Shorthands for declaring the introspection types' fields and arguments.</summary>
internal static class IntrospectionDefinitions
{
    public static ObjectType ObjectType(string name, string description) =>
        new(name, description) { IsBuiltIn = true };

    public static FieldDefinition Field(
        string name,
        GraphQLType type,
        FieldResolver resolver,
        string description,
        params ArgumentDefinition[] arguments) =>
        new(name, type, description) { Resolver = resolver, Arguments = arguments };

    /// <summary><c>includeDeprecated: Boolean = false</c>, or <c>Boolean! = false</c> when <paramref name="nonNull"/>.</summary>
    public static ArgumentDefinition IncludeDeprecated(bool nonNull = false) =>
        new("includeDeprecated", nonNull ? NonNull(SpecifiedScalars.Boolean) : SpecifiedScalars.Boolean)
        {
            HasDefaultValue = true,
            DefaultValue = ScalarValues.False,
        };

    public static NonNullType NonNull(GraphQLType type) => new(type);

    /// <summary><c>[T!]</c>.</summary>
    public static ListType ListOfNonNull(GraphQLType type) => new(new NonNullType(type));

    /// <summary><c>[T!]!</c>.</summary>
    public static NonNullType NonNullListOfNonNull(GraphQLType type) => new(ListOfNonNull(type));
}
