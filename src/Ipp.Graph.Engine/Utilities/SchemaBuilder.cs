using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Utilities;

/// <summary>
/// Builds an executable <see cref="Schema"/> from SDL (schema-first) and binds resolvers to it by
/// <c>Type.field</c> coordinates or by .NET types. <see cref="Build"/> fails with every problem listed when a
/// field has no resolver, a binding names no field, or the SDL breaks a type-system rule.
/// </summary>
public sealed class SchemaBuilder
{
    /// <summary>Starts from SDL text; more documents (with <c>extend</c>) may follow with <see cref="AddSdl"/>.</summary>
    public static SchemaBuilder FromSdl(string sdl) => throw new NotImplementedException();

    public SchemaBuilder AddSdl(string sdl) => throw new NotImplementedException();

    /// <summary>Binds a resolver to the field at <paramref name="coordinate"/> (<c>"Query.me"</c>).</summary>
    public SchemaBuilder Resolve(string coordinate, FieldResolver resolver) => throw new NotImplementedException();

    /// <summary>Binds the source-stream resolver of a subscription field.</summary>
    public SchemaBuilder Subscribe(string coordinate, SubscriptionResolver subscriber) => throw new NotImplementedException();

    /// <summary>Binds how an interface or union names the object type of a runtime value.</summary>
    public SchemaBuilder ResolveType(string abstractTypeName, TypeResolver resolver) => throw new NotImplementedException();

    /// <summary>Binds a .NET type to an object type: its public properties and methods resolve same-named (camelCase) fields.</summary>
    public SchemaBuilder BindType<T>(string objectTypeName) => throw new NotImplementedException();

    /// <summary>Maps an enum type's values to the members of a .NET enum (by name, SCREAMING_CASE or as written).</summary>
    public SchemaBuilder BindEnum<TEnum>(string enumTypeName)
        where TEnum : struct, Enum => throw new NotImplementedException();

    /// <summary>Maps an input object type to a .NET type that resolvers receive as the argument value.</summary>
    public SchemaBuilder BindInput<T>(string inputTypeName) => throw new NotImplementedException();

    /// <summary>Supplies the implementation of a <c>scalar</c> the SDL declares.</summary>
    public SchemaBuilder AddScalar(ScalarType scalar) => throw new NotImplementedException();

    /// <summary>Resolver for every field nothing else binds (like graphql-js's fieldResolver); without it such fields fail the build.</summary>
    public SchemaBuilder UseDefaultResolver(FieldResolver resolver) => throw new NotImplementedException();

    public Schema Build() => throw new NotImplementedException();
}
