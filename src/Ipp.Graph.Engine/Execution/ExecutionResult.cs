using System.Text.Json;
using Ipp.Graph.Engine.Error;

namespace Ipp.Graph.Engine.Execution;

/// <summary>The response to one operation (or to one event of a subscription): data, errors and extensions.</summary>
public sealed class ExecutionResult
{
    /// <summary>True when the response has a <c>data</c> entry (it may be null); false when the request failed before execution.</summary>
    public bool HasData => throw new NotImplementedException();

    public IReadOnlyList<GraphQLError>? Errors => throw new NotImplementedException();

    public IReadOnlyDictionary<string, object?>? Extensions => throw new NotImplementedException();

    /// <summary>Writes the response as the spec's JSON map: errors first when present, then data, then extensions.</summary>
    public void WriteTo(Utf8JsonWriter writer) => throw new NotImplementedException();

    /// <summary>The response as JSON text.</summary>
    public string ToJson() => throw new NotImplementedException();
}
