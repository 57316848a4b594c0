using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Engine.Execution.Engine;

/// <summary>Resolving a subscription's source stream (graphql-js's createSourceEventStream).</summary>
internal sealed partial class ExecutionState
{
    /// <summary>
    /// Calls the subscription field's <see cref="SubscriptionResolver"/> with its arguments; the stream of events,
    /// or the error (located at the field) that prevents it.
    /// </summary>
    public async ValueTask<(IAsyncEnumerable<object?>? Stream, GraphQLError? Error)> ResolveSourceStreamAsync()
    {
        var rootPlan = _plan.Plan;
        if (rootPlan.Error is { } collectError)
        {
            return (null, collectError);
        }

        if (rootPlan.FirstCollected is not { } firstNodes)
        {
            return (null, new GraphQLError("The subscription operation selects no field.", [Operation], ErrorCodes.ValidationFailed));
        }

        if (rootPlan.Fields is not [var field, ..] || !ReferenceEquals(field.Nodes[0], firstNodes[0]))
        {
            return (null, new GraphQLError(
                $"The subscription field \"{firstNodes[0].Name.Value}\" is not defined.", firstNodes, ErrorCodes.ValidationFailed));
        }

        var root = new ResultObject(rootPlan, ref _slots, null, 0);
        var arguments = field.StaticArguments;
        if (arguments is null && !TryCoerceArguments(field, out arguments, out var argumentError))
        {
            return (null, Locate(argumentError, root, field.Index, field));
        }

        if (field.Definition.Subscriber is not { } subscriber)
        {
            return (null, new GraphQLError(
                "Subscription field must return Async Iterable. Received: undefined.", field.Nodes, ErrorCodes.InternalServerError));
        }

        IAsyncEnumerable<object?>? stream;
        try
        {
            stream = await subscriber(new ResolveContext(RootValue, field, root, arguments, this)).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return (null, Locate(exception, root, field.Index, field));
        }

        return stream is null
            ? (null, new GraphQLError("Subscription field must return Async Iterable. Received: null.", field.Nodes, ErrorCodes.InternalServerError))
            : (stream, null);
    }
}
