using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.GraphQL.Mutations;

/// <summary>
/// Binds mutations the way HotChocolate's mutation conventions shape them: <c>name(input: NameInput!): NamePayload!</c>,
/// where the <see cref="MutationError"/> of a <see cref="MutationException"/> the resolver throws becomes the payload's
/// <c>errors</c>. Any other exception stays what it was (a top-level error).
/// </summary>
public static class MutationConventions
{
    /// <summary>
    /// Binds <c>Mutation.<paramref name="field"/></c> to <paramref name="resolve"/>, whose <see cref="MutationException"/>s
    /// are answered with an empty <typeparamref name="TPayload"/> carrying the error.
    /// </summary>
    public static SchemaBuilder ResolveMutation<TPayload>(this SchemaBuilder schema, string field, Func<ResolveContext, Task<TPayload>> resolve)
        where TPayload : MutationPayload, new() =>
        schema.Resolve("Mutation." + field, async context =>
        {
            try
            {
                return await resolve(context);
            }
            catch (MutationException exception)
            {
                return new TPayload { Errors = [exception.Error] };
            }
        });

    /// <summary>The mutation's <c>input</c> argument, as the input type bound to <typeparamref name="TInput"/>.</summary>
    public static TInput Input<TInput>(this ResolveContext context) => context.GetArgument<TInput>("input");
}
