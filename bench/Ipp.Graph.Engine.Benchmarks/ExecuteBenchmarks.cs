using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ipp.Graph.Engine.Execution;

namespace Ipp.Graph.Engine.Benchmarks;

/// <summary>
/// Whole requests through <see cref="RequestExecutor"/>, response written as JSON. "Cached" runs a document the
/// executor has seen (no parse, validation or planning: graphql-js's peer is execute() on a parsed document);
/// "uncached" gives every run a fresh executor, so it parses, validates and plans (graphql-js's peer is graphql()).
/// </summary>
[MemoryDiagnoser]
public class ExecuteBenchmarks
{
    private readonly RequestExecutor _executor = new(BenchSetup.BuildSchema(), BenchSetup.Options);
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private readonly Utf8JsonWriter _writer = new(Stream.Null);
    private readonly GraphQLRequest _fewFields = Request("few-fields");
    private readonly GraphQLRequest _manyFields = Request("many-fields");
    private readonly GraphQLRequest _nestedLists = Request("nested-lists");
    private readonly GraphQLRequest _introspection = Request("introspection");

    [GlobalSetup]
    public void WarmCache()
    {
        foreach (var request in new[] { _fewFields, _manyFields, _nestedLists, _introspection })
        {
            var result = _executor.ExecuteAsync(request, new RequestContext()).AsTask().GetAwaiter().GetResult();
            if (result.Errors is { Count: > 0 } errors)
            {
                throw new InvalidOperationException($"{request.Query[..20]}...: {errors[0].Message}");
            }
        }
    }

    [Benchmark(Description = "execute cached few-fields")]
    public Task<int> CachedFewFields() => Run(_executor, _fewFields);

    [Benchmark(Description = "execute cached many-fields")]
    public Task<int> CachedManyFields() => Run(_executor, _manyFields);

    [Benchmark(Description = "execute cached nested-lists")]
    public Task<int> CachedNestedLists() => Run(_executor, _nestedLists);

    [Benchmark(Description = "introspection cached")]
    public Task<int> CachedIntrospection() => Run(_executor, _introspection);

    [Benchmark(Description = "execute uncached few-fields")]
    public Task<int> UncachedFewFields() => Run(Fresh(), _fewFields);

    [Benchmark(Description = "execute uncached many-fields")]
    public Task<int> UncachedManyFields() => Run(Fresh(), _manyFields);

    [Benchmark(Description = "execute uncached nested-lists")]
    public Task<int> UncachedNestedLists() => Run(Fresh(), _nestedLists);

    private static GraphQLRequest Request(string name) => new() { Query = BenchSetup.Document(name) };

    private RequestExecutor Fresh() => new(_executor.Schema, BenchSetup.Options);

    /// <summary>
    /// Runs a new request of the document's text, as a server gets one per request: the executor looks the text up in
    /// its document cache each time (a request keeps what it prepared, so reusing one would skip the look-up).
    /// </summary>
    private async Task<int> Run(RequestExecutor executor, GraphQLRequest document)
    {
        var result = await executor.ExecuteAsync(new GraphQLRequest { Query = document.Query }, new RequestContext());
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        result.WriteTo(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }
}
