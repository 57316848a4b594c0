namespace Ipp.Graph.Engine.Execution;

/// <summary>One request as a transport receives it: the document text, the operation to run and the raw variables.</summary>
public sealed class GraphQLRequest
{
    /// <summary>The document text: the operations and fragments the request may execute.</summary>
    public required string Query { get; init; }

    /// <summary>The operation to run; may be omitted when the document defines exactly one.</summary>
    public string? OperationName { get; init; }

    /// <summary>
    /// Variable values, JSON-shaped: a <see cref="System.Text.Json.JsonElement"/> object, or a dictionary of
    /// strings, booleans, numbers, lists and dictionaries.
    /// </summary>
    public object? Variables { get; init; }

    /// <summary>The request's <c>extensions</c> member, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>
    /// The document an executor prepared for <see cref="Query"/>, kept with the request, so that a host asking first
    /// what the request would run and then running it costs one look-up of the text in the document cache.
    /// </summary>
    internal Documents.PreparedDocument? PreparedDocument { get; set; }

    /// <summary>The executor that prepared <see cref="PreparedDocument"/>: another executor's document is not used.</summary>
    internal RequestExecutor? PreparedBy { get; set; }
}
