using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Binding;

/// <summary>
/// Wraps the resolvers of a schema's fields once every binding is applied, as HotChocolate's field middleware does:
/// what every field must do around its resolver (authorization, say) is decided once per field while the schema is
/// built, in one place, and costs nothing per field that needs nothing.
/// </summary>
/// <remarks>
/// Each field of each object type but the introspection types is wrapped once: a field of the subscription type
/// through <see cref="WrapSubscriber"/> (its source stream; the events of a stream it allowed are not wrapped again),
/// every other through <see cref="WrapResolver"/>, bound, derived or default resolver alike. A wrapper that cannot
/// serve a field throws a <see cref="Error.GraphQLError"/> saying why: the build fails listing every such problem.
/// </remarks>
public interface IFieldWrapper
{
    /// <summary>The resolver to run for <paramref name="field"/>: <paramref name="resolver"/> itself to change nothing.</summary>
    FieldResolver WrapResolver(Schema schema, FieldDefinition field, FieldResolver resolver);

    /// <summary>The source-stream resolver to run for the subscription field <paramref name="field"/>.</summary>
    SubscriptionResolver WrapSubscriber(Schema schema, FieldDefinition field, SubscriptionResolver subscriber);
}
