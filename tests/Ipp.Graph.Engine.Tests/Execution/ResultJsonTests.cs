using System.Buffers;
using System.Text;
using System.Text.Json;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using static Ipp.Graph.Engine.Tests.Execution.ExecutionHarness;

namespace Ipp.Graph.Engine.Tests.Execution;

/// <summary>Responses written as JSON straight from the result tree: order of entries, escaping, numbers, nested scalar values.</summary>
public sealed class ResultJsonTests
{
    [Theory]
    [InlineData("plain", """
        "plain"
        """)]
    [InlineData("quote \" and backslash \\", """
        "quote \" and backslash \\"
        """)]
    [InlineData("line\nbreak\ttab\u0001", """
        "line\nbreak\ttab\u0001"
        """)]
    [InlineData("caf\u00e9 \u4e2d <tag> & '", """
        "café 中 <tag> & '"
        """)]
    public async Task Strings_are_escaped_as_json_requires_and_no_more(string value, string expected)
    {
        var json = await Single(value);

        Assert.Equal("{\"data\":{\"value\":" + expected + "}}", json);
        Assert.Equal(value, JsonDocument.Parse(json).RootElement.GetProperty("data").GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_lone_surrogate_is_written_as_its_escape_as_json_stringify_does()
    {
        // Built in code: attribute arguments cannot hold invalid UTF-16.
        var value = "lone " + '\ud800' + " surrogate, pair \ud83d\ude00, quote \" and \n";

        Assert.Equal("{\"data\":{\"value\":\"lone \\ud800 surrogate, pair \ud83d\ude00, quote \\\" and \\n\"}}", await Single(value));
    }

    [Theory]
    [InlineData(42, "42")]
    [InlineData(-9007199254740993L, "-9007199254740993")]
    [InlineData(1.5, "1.5")]
    [InlineData(1.0, "1")]
    [InlineData(0.1f, "0.1")]
    [InlineData(double.NaN, "null")]
    [InlineData(double.PositiveInfinity, "null")]
    [InlineData((byte)7, "7")]
    [InlineData(ulong.MaxValue, "18446744073709551615")]
    [InlineData(true, "true")]
    public async Task Numbers_and_booleans_are_written_as_json_numbers_and_literals(object value, string expected)
    {
        Assert.Equal(Q("{'data':{'value':" + expected + "}}"), await Single(value));
    }

    [Fact]
    public async Task Decimals_keep_their_digits()
    {
        Assert.Equal(Q("{'data':{'value':12345678901234567890.123}}"), await Single(12345678901234567890.123m));
    }

    [Fact]
    public async Task Nested_dictionaries_lists_and_json_elements_are_written_as_they_are()
    {
        var value = new Dictionary<string, object?>
        {
            ["list"] = new List<object?> { 1, "two", null, new Dictionary<string, object?> { ["deep"] = true } },
            ["element"] = Support.Json.Parse("""{"a":[1,2.5,"x"],"b":null}"""),
            ["array"] = new object?[] { new object?[] { 1 }, Array.Empty<object?>() },
            ["readOnly"] = (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["k"] = 1L },
        };

        Assert.Equal(
            Q("{'data':{'value':{'list':[1,'two',null,{'deep':true}],'element':{'a':[1,2.5,'x'],'b':null},'array':[[1],[]],'readOnly':{'k':1}}}}"),
            await Single(value));
    }

    [Fact]
    public async Task Errors_come_first_then_data_then_extensions()
    {
        var schema = Sdl("type Query { a: String b: String }")
            .Resolve("Query.a", _ => throw new GraphQLError("bad", extensions: new Dictionary<string, object?> { ["retry"] = false, ["codes"] = new[] { 1, 2 } }))
            .Resolve("Query.b", _ => new("B"))
            .Build();
        var result = (await Executor.ExecuteAsync(schema, Parser.Parse("{ a b }")))
            .WithExtensions(new Dictionary<string, object?> { ["cost"] = 3 });

        Assert.Equal(
            Q("{'errors':[{'message':'bad','locations':[{'line':1,'column':3}],'path':['a'],'extensions':{'retry':false,'codes':[1,2]}}],'data':{'a':null,'b':'B'},'extensions':{'cost':3}}"),
            result.ToJson());
    }

    [Fact]
    public async Task With_errors_replaces_the_errors_and_keeps_data_and_extensions()
    {
        var schema = Sdl("type Query { a: String b: String }")
            .Resolve("Query.a", _ => throw new InvalidOperationException("secret"))
            .Resolve("Query.b", _ => new("B"))
            .Build();
        var result = (await Executor.ExecuteAsync(schema, Parser.Parse("{ a b }")))
            .WithExtensions(new Dictionary<string, object?> { ["cost"] = 3 });

        var replaced = result.WithErrors([new GraphQLError("masked", result.Errors![0].Locations, result.Errors[0].Path, "INTERNAL_SERVER_ERROR")]);

        Assert.Equal(
            Q("{'errors':[{'message':'masked','locations':[{'line':1,'column':3}],'path':['a'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'a':null,'b':'B'},'extensions':{'cost':3}}"),
            replaced.ToJson());
        Assert.Equal(Q("{'data':{'a':null,'b':'B'},'extensions':{'cost':3}}"), result.WithErrors(null).ToJson());
        Assert.Equal(Q("{'errors':[{'message':'x'}]}"), ExecutionResult.FromError(new GraphQLError("y")).WithErrors([new GraphQLError("x")]).ToJson());
    }

    [Fact]
    public async Task Write_to_uses_the_hosts_writer_and_its_escaping()
    {
        var result = await Executor.ExecuteAsync(AnySchema("caf\u00e9"), Parser.Parse("{ value }"));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            result.WriteTo(writer);
        }

        Assert.Equal("{\"data\":{\"value\":\"caf\\u00E9\"}}", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void A_result_of_errors_only_has_no_data_entry()
    {
        var result = ExecutionResult.FromError(new GraphQLError("nope", code: "X"));

        Assert.False(result.HasData);
        Assert.Equal(Q("{'errors':[{'message':'nope','extensions':{'code':'X'}}]}"), result.ToJson());
    }

    private static async Task<string> Single(object value) =>
        (await Executor.ExecuteAsync(AnySchema(value), Parser.Parse("{ value }"))).ToJson();

    private static Schema AnySchema(object value) =>
        Sdl("scalar Any type Query { value: Any }").AddScalar(new AnyScalar()).Resolve("Query.value", _ => new(value)).Build();

    /// <summary>A scalar whose output is the resolver's value itself (like a JSON scalar).</summary>
    private sealed class AnyScalar() : ScalarType("Any")
    {
        public override object Serialize(object value) => value;

        public override object ParseValue(object value) => value;

        public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
            throw new GraphQLError("Any has no literals.");
    }
}
