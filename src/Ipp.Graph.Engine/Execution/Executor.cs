using Ipp.Graph.Engine.Execution.Documents;
using Ipp.Graph.Engine.Execution.Planning;
using Ipp.Graph.Engine.Execution.Subscriptions;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution;

/// <summary>
/// Executes an already-parsed document, as graphql-js's execute and subscribe do: without validating it and
/// without caching anything (for tests and tools; hosts use <see cref="RequestExecutor"/>).
/// </summary>
public static class Executor
{
    /// <summary>Runs the document's query or mutation (or, as graphql-js does, a subscription's root fields once).</summary>
    /// <param name="schema">The schema to execute against.</param>
    /// <param name="document">A parsed document, assumed valid.</param>
    /// <param name="operationName">The operation to run; may be null when the document has one.</param>
    /// <param name="variables">Raw variable values: a JSON object element or a string-keyed dictionary.</param>
    /// <param name="rootValue">The value the root fields resolve against.</param>
    /// <param name="context">The request context; a fresh one when null.</param>
    /// <param name="options">Limits that apply to execution (time, coercion errors); the defaults when null.</param>
    public static ValueTask<ExecutionResult> ExecuteAsync(
        Schema schema,
        DocumentNode document,
        string? operationName = null,
        object? variables = null,
        object? rootValue = null,
        RequestContext? context = null,
        EngineOptions? options = null)
    {
        var prepared = PreparedDocument.Create(schema, document, new PlanStatistics());
        return OperationRunner.ExecuteAsync(
            prepared, operationName, variables, rootValue, context ?? new RequestContext(), options ?? EngineOptions.Default);
    }

    /// <summary>Subscribes with the document's subscription operation (graphql-js's subscribe).</summary>
    /// <inheritdoc cref="ExecuteAsync" path="/param"/>
    public static ValueTask<SubscriptionResult> SubscribeAsync(
        Schema schema,
        DocumentNode document,
        string? operationName = null,
        object? variables = null,
        object? rootValue = null,
        RequestContext? context = null,
        EngineOptions? options = null)
    {
        var prepared = PreparedDocument.Create(schema, document, new PlanStatistics());
        return OperationRunner.SubscribeAsync(
            prepared, operationName, variables, rootValue, context ?? new RequestContext(), options ?? EngineOptions.Default);
    }
}
