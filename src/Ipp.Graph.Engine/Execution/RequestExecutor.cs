using Ipp.Graph.Engine.Types;

namespace Ipp.Graph.Engine.Execution;

/// <summary>
/// The engine's front door for a host: parses (cached), checks limits, validates (cached), plans (cached) and
/// executes requests against one schema.
/// </summary>
public sealed class RequestExecutor
{
    public RequestExecutor(Schema schema, EngineOptions? options = null) => throw new NotImplementedException();

    public Schema Schema => throw new NotImplementedException();

    /// <summary>Runs a query or mutation. Never throws for anything the client sent: problems become errors in the result.</summary>
    public ValueTask<ExecutionResult> ExecuteAsync(GraphQLRequest request, RequestContext context) => throw new NotImplementedException();
}
