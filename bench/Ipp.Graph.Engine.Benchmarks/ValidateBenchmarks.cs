using BenchmarkDotNet.Attributes;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Validation;

namespace Ipp.Graph.Engine.Benchmarks;

/// <summary>Validating parsed documents with every rule of the spec.</summary>
[MemoryDiagnoser]
public class ValidateBenchmarks
{
    private readonly Schema _schema = BenchSetup.BuildSchema();
    private readonly DocumentNode _nestedLists = Parser.Parse(BenchSetup.Document("nested-lists"));
    private readonly DocumentNode _introspection = Parser.Parse(BenchSetup.Document("introspection"));

    [Benchmark(Description = "validate nested-lists")]
    public IReadOnlyList<GraphQLError> NestedLists() => Validator.Validate(_schema, _nestedLists);

    [Benchmark(Description = "validate introspection")]
    public IReadOnlyList<GraphQLError> Introspection() => Validator.Validate(_schema, _introspection);
}
