using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;
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

    /// <summary>
    /// Data is written straight from the result tree (not through the host's writer calls) for writers whose bytes it
    /// reproduces: it must give exactly what the host's writer gives for the same values, whatever the characters.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Data_written_directly_is_byte_for_byte_what_the_hosts_writer_writes(bool relaxed)
    {
        var texts = new List<string> { string.Empty, "a", "plain text", "2026-12-07T10:00:00.000Z", "caf\u00e9", "\ud83d\ude00 pair", "\u2028\u00a0\u0000\u007f" };
        for (var c = (char)0; c < 128; c++)
        {
            // Each ASCII character at the start, the end, and in each of the lanes of vectors of eight.
            for (var length = 1; length <= 19; length++)
            {
                texts.Add(new string('x', length - 1) + c);
                texts.Add(c + new string('y', length - 1));
            }
        }

        long[] numbers = [0, 7, 10, 99, 100, -1, -10, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1_000_000_007];
        var schema = Sdl("scalar Any type Query { texts: [String] ints: [Int] longs: [Any] bools: [Boolean] empty: [String] none: String }")
            .AddScalar(new AnyScalar())
            .Resolve("Query.texts", _ => new(texts))
            .Resolve("Query.ints", _ => new(numbers.Where(n => n is >= int.MinValue and <= int.MaxValue).Select(n => (int)n).ToArray()))
            .Resolve("Query.longs", _ => new(numbers))
            .Resolve("Query.bools", _ => new(new[] { true, false }))
            .Resolve("Query.empty", _ => new(Array.Empty<string>()))
            .Resolve("Query.none", _ => new((object?)null))
            .Build();
        var result = await Executor.ExecuteAsync(schema, Parser.Parse("{ texts ints longs bools empty none nested: texts @skip(if: true) }"));
        var encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null;

        var expected = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(expected, new JsonWriterOptions { Encoder = encoder }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteStartArray("texts");
            texts.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
            writer.WriteStartArray("ints");
            foreach (var number in numbers.Where(n => n is >= int.MinValue and <= int.MaxValue))
            {
                writer.WriteNumberValue(number);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("longs");
            Array.ForEach(numbers, writer.WriteNumberValue);
            writer.WriteEndArray();
            writer.WriteStartArray("bools");
            writer.WriteBooleanValue(true);
            writer.WriteBooleanValue(false);
            writer.WriteEndArray();
            writer.WriteStartArray("empty");
            writer.WriteEndArray();
            writer.WriteNull("none");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), Write(result, new JsonWriterOptions { Encoder = encoder }));
    }

    /// <summary>
    /// Dates a resolver returns as DateTimeOffset or DateTime are kept as instants and written by the response writers
    /// themselves: the text must be the DateTime scalar's, through the direct writer and the host's writer alike, in
    /// objects and in lists; strings and wrong values still go through the scalar.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Dates_are_written_as_the_DateTime_scalar_serializes_them(bool indented)
    {
        var scalar = CustomScalars.DateTime;
        object[] instants =
        [
            new DateTimeOffset(2026, 11, 21, 14, 44, 0, 123, TimeSpan.FromHours(1)),
            new DateTimeOffset(2026, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(-5)),
            DateTimeOffset.MinValue,
            DateTimeOffset.MaxValue,
            new DateTime(999, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc),
            new DateTime(2026, 11, 21, 13, 44, 0, DateTimeKind.Unspecified),
            new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Local),
            DateTime.MaxValue,
            "2026-11-21T14:44:00.5+01:00",
        ];
        var schema = Sdl("scalar DateTime type Query { at: DateTime! all: [DateTime!]! wrong: DateTime }")
            .AddScalar(scalar)
            .Resolve("Query.at", _ => new(instants[0]))
            .Resolve("Query.all", _ => new(instants))
            .Resolve("Query.wrong", _ => new((object)5))
            .Build();
        var result = await Executor.ExecuteAsync(schema, Parser.Parse("{ at all }"));

        var expected = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions { Indented = indented };
        using (var writer = new Utf8JsonWriter(expected, options))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteString("at", (string)scalar.Serialize(instants[0]));
            writer.WriteStartArray("all");
            foreach (var instant in instants)
            {
                writer.WriteStringValue((string)scalar.Serialize(instant));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), Write(result, options));
        Assert.Contains("\"2026-11-21T13:44:00.123Z\"", Write(result, options));
        Assert.Equal(
            Q("{'errors':[{'message':'DateTime cannot represent value: 5','locations':[{'line':1,'column':3}],'path':['wrong'],'extensions':{'code':'INTERNAL_SERVER_ERROR'}}],'data':{'wrong':null}}"),
            (await Executor.ExecuteAsync(schema, Parser.Parse("{ wrong }"))).ToJson());
    }

    /// <summary>A host may write several responses into one document (a batch): each is a value in its place, whichever way it is written.</summary>
    [Fact]
    public async Task Responses_written_one_after_another_into_an_array_are_its_items()
    {
        var dataOnly = await Executor.ExecuteAsync(AnySchema("x"), Parser.Parse("{ value }"));
        var withError = ExecutionResult.FromError(new GraphQLError("nope"));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            dataOnly.WriteTo(writer);
            withError.WriteTo(writer);
            dataOnly.WriteTo(writer);
            writer.WriteEndArray();
        }

        Assert.Equal(Q("[{'data':{'value':'x'}},{'errors':[{'message':'nope'}]},{'data':{'value':'x'}}]"), Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public async Task An_object_without_fields_is_written_empty()
    {
        var result = await Executor.ExecuteAsync(AnySchema(1), Parser.Parse("{ value @skip(if: true) }"));

        Assert.Equal("{\"data\":{}}", result.ToJson());
    }

    [Fact]
    public async Task An_indented_writer_gets_indented_data()
    {
        var result = await Executor.ExecuteAsync(AnySchema("x"), Parser.Parse("{ value }"));

        Assert.Equal(Q("{\n  'data': {\n    'value': 'x'\n  }\n}"), Write(result, new JsonWriterOptions { Indented = true, NewLine = "\n" }));
    }

    [Fact]
    public async Task A_writer_with_an_encoder_of_its_own_escapes_as_that_encoder_does()
    {
        var result = await Executor.ExecuteAsync(AnySchema("caf\u00e9 abc"), Parser.Parse("{ value }"));
        var encoder = JavaScriptEncoder.Create(UnicodeRanges.Latin1Supplement);

        // Only Latin-1 Supplement is allowed: the accent stays, the ASCII letters are escaped.
        Assert.Equal(
            Q("{'data':{'value':'\\u0063\\u0061\\u0066\u00e9\\u0020\\u0061\\u0062\\u0063'}}"),
            Write(result, new JsonWriterOptions { Encoder = encoder }));
    }

    [Fact]
    public async Task A_writer_with_a_lower_maximum_depth_than_the_data_needs_refuses_it_as_it_would()
    {
        var schema = Sdl("type Query { a: A } type A { b: B } type B { c: C } type C { d: String }").Build();
        var result = await Executor.ExecuteAsync(schema, Parser.Parse("{ a { b { c { d } } } }"), rootValue: Data(Q("{ 'a': { 'b': { 'c': { 'd': 'deep' } } } }")));

        Assert.Equal(Q("{'data':{'a':{'b':{'c':{'d':'deep'}}}}}"), Write(result, new JsonWriterOptions { MaxDepth = 6 }));
        Assert.Throws<InvalidOperationException>(() => Write(result, new JsonWriterOptions { MaxDepth = 4 }));
    }

    [Fact]
    public void A_result_of_errors_only_has_no_data_entry()
    {
        var result = ExecutionResult.FromError(new GraphQLError("nope", code: "X"));

        Assert.False(result.HasData);
        Assert.Equal(Q("{'errors':[{'message':'nope','extensions':{'code':'X'}}]}"), result.ToJson());
    }

    private static string Write(ExecutionResult result, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            result.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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
