using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution.Engine;
using Ipp.Graph.Engine.Execution.Output;

namespace Ipp.Graph.Engine.Execution;

/// <summary>The response to one operation (or to one event of a subscription): data, errors and extensions.</summary>
public sealed class ExecutionResult
{
    private static readonly JsonWriterOptions ToJsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    internal ExecutionResult(
        ResultObject? data,
        bool hasData,
        IReadOnlyList<GraphQLError>? errors,
        IReadOnlyDictionary<string, object?>? extensions)
    {
        DataTree = data;
        HasData = hasData;
        Errors = errors is { Count: > 0 } ? errors : null;
        Extensions = extensions;
    }

    /// <summary>True when the response has a <c>data</c> entry (it may be null); false when the request failed before execution.</summary>
    public bool HasData { get; }

    /// <summary>The errors, in the order they happened; null when there were none.</summary>
    public IReadOnlyList<GraphQLError>? Errors { get; }

    /// <summary>The response's <c>extensions</c> entry; null when it has none.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The data as the executor built it; null when data is absent or null.</summary>
    internal ResultObject? DataTree { get; }

    /// <summary>A response with errors only (no <c>data</c> entry): the request failed before execution started.</summary>
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors) => new(null, hasData: false, errors, null);

    /// <summary>A response with one error and no <c>data</c> entry.</summary>
    public static ExecutionResult FromError(GraphQLError error) => FromErrors([error]);

    /// <summary>This response with <paramref name="extensions"/> as its <c>extensions</c> entry (values JSON-shaped).</summary>
    public ExecutionResult WithExtensions(IReadOnlyDictionary<string, object?>? extensions) => new(DataTree, HasData, Errors, extensions);

    /// <summary>
    /// This response with <paramref name="errors"/> in place of its errors, data and extensions unchanged: how a host
    /// replaces errors clients must not see (an unexpected exception's message) with ones they may.
    /// </summary>
    public ExecutionResult WithErrors(IReadOnlyList<GraphQLError>? errors) => new(DataTree, HasData, errors, Extensions);

    /// <summary>Writes the response as the spec's JSON map: errors first when present, then data, then extensions.</summary>
    public void WriteTo(Utf8JsonWriter writer) => ResultWriter.WriteResponse(writer, this);

    /// <summary>The response as JSON text.</summary>
    public string ToJson()
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, ToJsonOptions))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The response of an execution that ran out of time: its work was abandoned.</summary>
    public static ExecutionResult TimedOut(TimeSpan timeout) =>
        new(null, hasData: true, [new GraphQLError($"Execution timed out after {timeout.TotalMilliseconds:0} ms.", code: ErrorCodes.ExecutionTimeout)], null);
}
