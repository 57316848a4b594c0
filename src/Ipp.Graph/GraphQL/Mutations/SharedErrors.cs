using Ipp.Graph.Engine.Binding;

namespace Ipp.Graph.GraphQL.Mutations;

/// <summary>Binds the error types that mutations of several features answer with.</summary>
public static class SharedErrors
{
    public static void Bind(SchemaBuilder schema) => schema.BindType<RateLimitedError>("RateLimitedError");
}
