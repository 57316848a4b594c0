using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution.Engine;
using Ipp.Graph.Engine.Execution.Planning;
using Ipp.Graph.Engine.Execution.Subscriptions;
using Ipp.Graph.Engine.Execution.Values;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution.Documents;

/// <summary>What executing and subscribing share once a document is prepared: operation selection, variables, root type.</summary>
internal static class OperationRunner
{
    public static ValueTask<ExecutionResult> ExecuteAsync(
        PreparedDocument document,
        string? operationName,
        object? variables,
        object? rootValue,
        RequestContext context,
        EngineOptions options)
    {
        if (!TryStart(document, operationName, variables, options, out var operation, out var coerced, out var failure))
        {
            return new ValueTask<ExecutionResult>(failure!);
        }

        if (operation!.RootType is null)
        {
            // graphql-js reports this once execution started: the response has data, null.
            return new ValueTask<ExecutionResult>(new ExecutionResult(null, hasData: true, [NotConfigured(operation.Operation)], null));
        }

        var state = ExecutionState.Rent(
            operation, operation.GetRoot(coerced!), coerced!, rootValue, context, context.CancellationToken, context.ExecutionTimeout ?? options.ExecutionTimeout);
        return state.ExecuteAsync();
    }

    public static ValueTask<SubscriptionResult> SubscribeAsync(
        PreparedDocument document,
        string? operationName,
        object? variables,
        object? rootValue,
        RequestContext context,
        EngineOptions options)
    {
        if (!TryStart(document, operationName, variables, options, out var operation, out var coerced, out var failure))
        {
            return new ValueTask<SubscriptionResult>(new SubscriptionResult(failure!));
        }

        if (operation!.RootType is null)
        {
            return new ValueTask<SubscriptionResult>(new SubscriptionResult(ExecutionResult.FromError(NotConfigured(operation.Operation))));
        }

        return CreateStreamAsync(operation, operation.GetRoot(coerced!), coerced!, rootValue, context, options);
    }

    private static async ValueTask<SubscriptionResult> CreateStreamAsync(
        OperationPlan operation,
        PlanRoot plan,
        IReadOnlyDictionary<string, object?> variables,
        object? rootValue,
        RequestContext context,
        EngineOptions options)
    {
        // No time limit here: the subscriber may hand its token to a stream that lives as long as the subscription.
        var state = new ExecutionState(operation, plan, variables, rootValue, context, context.CancellationToken, Timeout.InfiniteTimeSpan);
        var (stream, error) = await state.ResolveSourceStreamAsync().ConfigureAwait(false);
        return error is not null
            ? new SubscriptionResult(ExecutionResult.FromError(error))
            : new SubscriptionResult(new SubscriptionStream(operation, plan, variables, context, options, stream!));
    }

    private static bool TryStart(
        PreparedDocument document,
        string? operationName,
        object? variables,
        EngineOptions options,
        out OperationPlan? operation,
        out IReadOnlyDictionary<string, object?>? coerced,
        out ExecutionResult? failure)
    {
        coerced = null;
        failure = null;
        if (document.Errors is { } documentErrors)
        {
            operation = null;
            failure = ExecutionResult.FromErrors(documentErrors);
            return false;
        }

        operation = document.SelectOperation(operationName, out var selectionError);
        if (operation is null)
        {
            failure = ExecutionResult.FromError(selectionError!);
            return false;
        }

        coerced = VariableValues.Coerce(operation.Variables, variables, options.MaxCoercionErrors, out var variableErrors);
        if (coerced is null)
        {
            failure = ExecutionResult.FromErrors(variableErrors!);
            return false;
        }

        return true;
    }

    private static GraphQLError NotConfigured(OperationDefinitionNode operation) =>
        new(
            $"Schema is not configured to execute {operation.Operation.ToString().ToLowerInvariant()} operation.",
            [operation],
            ErrorCodes.OperationResolutionFailure);
}
