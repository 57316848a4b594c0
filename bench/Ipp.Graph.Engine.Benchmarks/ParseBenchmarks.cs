using BenchmarkDotNet.Attributes;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;

namespace Ipp.Graph.Engine.Benchmarks;

/// <summary>Parsing documents from text (what an uncached request pays first).</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly string _fewFields = BenchSetup.Document("few-fields");
    private readonly string _nestedLists = BenchSetup.Document("nested-lists");
    private readonly string _introspection = BenchSetup.Document("introspection");

    [Benchmark(Description = "parse few-fields")]
    public DocumentNode FewFields() => Parser.Parse(_fewFields);

    [Benchmark(Description = "parse nested-lists")]
    public DocumentNode NestedLists() => Parser.Parse(_nestedLists);

    [Benchmark(Description = "parse introspection")]
    public DocumentNode Introspection() => Parser.Parse(_introspection);
}
