using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Tests.Types;

/// <summary>DateTime, UUID, Long, JSON and Upload: each direction, valid and invalid.</summary>
public class CustomScalarTests
{
    private static string ErrorOf(Func<object> action) => Assert.Throws<GraphQLError>(action).Message;

    [Fact]
    public void CustomScalars_gives_a_new_instance_each_time()
    {
        Assert.NotSame(CustomScalars.DateTime, CustomScalars.DateTime);
        Assert.Equal(["DateTime", "UUID", "Long", "JSON", "Upload"], new ScalarType[] { CustomScalars.DateTime, CustomScalars.UUID, CustomScalars.Long, CustomScalars.JSON, CustomScalars.Upload }.Select(s => s.Name));
        Assert.Equal("https://scalars.graphql.org/andimarek/date-time", CustomScalars.DateTime.SpecifiedByUrl);
        Assert.False(CustomScalars.DateTime.IsBuiltIn);
        Assert.Equal("Instant", new DateTimeScalar("Instant").Name);
    }

    [Fact]
    public void DateTime_writes_every_instant_as_the_custom_format_would()
    {
        var random = new Random(20261207);
        var instants = new List<DateTime> { DateTime.MinValue, DateTime.MaxValue, new(999, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc), new(2026, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc) };
        for (var i = 0; i < 10_000; i++)
        {
            instants.Add(new DateTime(random.NextInt64(DateTime.MaxValue.Ticks), DateTimeKind.Utc));
        }

        foreach (var instant in instants)
        {
            Assert.Equal(instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), CustomScalars.DateTime.Serialize(instant));
        }
    }

    [Fact]
    public void DateTime_serializes_instants_in_utc_with_milliseconds()
    {
        var scalar = CustomScalars.DateTime;
        Assert.Equal("2026-11-21T13:44:00.000Z", scalar.Serialize(new DateTimeOffset(2026, 11, 21, 14, 44, 0, TimeSpan.FromHours(1))));
        Assert.Equal("2026-11-21T13:44:00.123Z", scalar.Serialize(new DateTime(2026, 11, 21, 13, 44, 0, 123, DateTimeKind.Utc)));
        Assert.Equal("2026-11-21T13:44:00.000Z", scalar.Serialize(new DateTime(2026, 11, 21, 13, 44, 0, DateTimeKind.Unspecified)));
        Assert.Equal("2026-11-21T13:44:00.500Z", scalar.Serialize("2026-11-21T15:44:00.5+02:00"));
        Assert.Equal("DateTime cannot represent value: \"yesterday\"", ErrorOf(() => scalar.Serialize("yesterday")));
        Assert.Equal("DateTime cannot represent value: 5", ErrorOf(() => scalar.Serialize(5)));
    }

    [Theory]
    [InlineData("2026-11-21T13:44:00Z", "2026-11-21T13:44:00.0000000+00:00")]
    [InlineData("2026-11-21t13:44:00.1234567z", "2026-11-21T13:44:00.1234567+00:00")]
    [InlineData("2026-11-21T13:44:00.123456789-05:30", "2026-11-21T13:44:00.1234567-05:30")]
    [InlineData("2024-02-29T00:00:00+14:00", "2024-02-29T00:00:00.0000000+14:00")]
    public void DateTime_parses_rfc_3339_keeping_the_offset(string text, string expected)
    {
        var value = Assert.IsType<DateTimeOffset>(CustomScalars.DateTime.ParseValue(Json.Parse("\"" + text + "\"")));
        Assert.Equal(expected, value.ToString("o"));
        Assert.Equal(value, CustomScalars.DateTime.ParseLiteral(new StringValueNode { Value = text }, null));
    }

    [Theory]
    [InlineData("2026-11-21")]
    [InlineData("2026-11-21 13:44:00Z")]
    [InlineData("2026-02-30T13:44:00Z")]
    [InlineData("2026-11-21T24:00:00Z")]
    [InlineData("2026-11-21T13:44:60Z")]
    [InlineData("2026-11-21T13:44:00.Z")]
    [InlineData("2026-11-21T13:44:00+0100")]
    [InlineData("2026-11-21T13:44:00+15:00")]
    [InlineData("2026-11-21T13:44:00Z ")]
    public void DateTime_refuses_invalid_strings(string text)
    {
        Assert.Equal(
            $"DateTime cannot represent an invalid date-time string: \"{text}\". Expected RFC 3339, such as \"2026-11-21T13:44:00Z\".",
            ErrorOf(() => CustomScalars.DateTime.ParseValue(text)));
    }

    [Fact]
    public void DateTime_refuses_strings_without_an_offset()
    {
        const string message =
            "DateTime cannot represent a date-time without an offset: \"2026-11-21T13:44:00.000\". Add \"Z\" for UTC or an offset such as \"+01:00\".";
        Assert.Equal(message, ErrorOf(() => CustomScalars.DateTime.ParseValue("2026-11-21T13:44:00.000")));
        var literal = new StringValueNode { Value = "2026-11-21T13:44:00.000", Location = new Location(0, 25, new Source("\"2026-11-21T13:44:00.000\"")) };
        var error = Assert.Throws<GraphQLError>(() => CustomScalars.DateTime.ParseLiteral(literal, null));
        Assert.Equal(message, error.Message);
        Assert.Equal([new SourceLocation(1, 1)], error.Locations!);
        Assert.Equal("DateTime cannot represent a non string value: 1", ErrorOf(() => CustomScalars.DateTime.ParseValue(Json.Parse("1"))));
    }

    [Fact]
    public void Uuid_reads_either_case_and_writes_lowercase()
    {
        var scalar = CustomScalars.UUID;
        var guid = Guid.Parse("5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10");
        Assert.Equal(guid, scalar.ParseValue("5F0D7C6E-2B59-4F0C-9E43-0B6F3F1C2A10"));
        Assert.Equal(guid, scalar.ParseValue(Json.Parse("\"5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10\"")));
        Assert.Equal(guid, scalar.ParseLiteral(new StringValueNode { Value = "5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10" }, null));
        Assert.Equal("5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10", scalar.Serialize(guid));
        Assert.Equal("5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10", scalar.Serialize("5F0D7C6E-2B59-4F0C-9E43-0B6F3F1C2A10"));
        Assert.Equal(
            "UUID cannot represent an invalid UUID: \"5f0d7c6e2b594f0c9e430b6f3f1c2a10\". Expected 8-4-4-4-12 hexadecimal digits.",
            ErrorOf(() => scalar.ParseValue("5f0d7c6e2b594f0c9e430b6f3f1c2a10")));
        Assert.Equal("UUID cannot represent a non string value: 12", ErrorOf(() => scalar.ParseValue(12)));
        Assert.Equal("UUID cannot represent value: \"nope\"", ErrorOf(() => scalar.Serialize("nope")));
    }

    [Fact]
    public void Url_reads_and_writes_absolute_and_relative_references()
    {
        var scalar = CustomScalars.URL;
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc3986", scalar.SpecifiedByUrl);
        Assert.Equal(new Uri("https://example.org/a?b=c"), scalar.ParseValue("https://example.org/a?b=c"));
        Assert.Equal(new Uri("/experiments/RXhw/files/a%20b.csv", UriKind.Relative), scalar.ParseValue(Json.Parse("\"/experiments/RXhw/files/a%20b.csv\"")));
        Assert.Equal(new Uri("x/y", UriKind.Relative), scalar.ParseLiteral(new StringValueNode { Value = "x/y" }, null));
        Assert.Equal("https://example.org/a%20b", scalar.Serialize(new Uri("https://example.org/a b")));
        Assert.Equal("/files/a%20b", scalar.Serialize("/files/a%20b"));
        Assert.Equal("/files/a%20b", scalar.Serialize(new Uri("/files/a%20b", UriKind.Relative)));
        Assert.Equal("URL cannot represent an invalid URL: \"a b\".", ErrorOf(() => scalar.ParseValue("a b")));
        Assert.Equal("URL cannot represent an invalid URL: \"\".", ErrorOf(() => scalar.ParseValue("")));
        Assert.Equal("URL cannot represent a non string value: 12", ErrorOf(() => scalar.ParseValue(12)));
        Assert.Equal("URL cannot represent a non string value: 12", ErrorOf(() => scalar.ParseLiteral(new IntValueNode { Value = "12" }, null)));
        Assert.Equal("URL cannot represent value: \"http://[bad\"", ErrorOf(() => scalar.Serialize("http://[bad")));
    }

    [Fact]
    public void Long_reads_numbers_and_digit_strings()
    {
        var scalar = CustomScalars.Long;
        Assert.Equal(9007199254740993L, scalar.ParseValue(Json.Parse("9007199254740993")));
        Assert.Equal(long.MaxValue, scalar.ParseValue(Json.Parse("\"9223372036854775807\"")));
        Assert.Equal(-5L, scalar.ParseValue("-5"));
        Assert.Equal(7L, scalar.ParseValue(7));
        Assert.Equal(long.MinValue, scalar.ParseLiteral(new IntValueNode { Value = "-9223372036854775808" }, null));
        Assert.Equal(12L, scalar.ParseLiteral(new StringValueNode { Value = "12" }, null));
        Assert.Equal(5L, scalar.Serialize(5));
        Assert.Equal(5L, scalar.Serialize("5"));
        object boxed = 42L;
        Assert.Same(boxed, scalar.Serialize(boxed));
    }

    [Fact]
    public void Long_refuses_fractions_text_and_overflow()
    {
        var scalar = CustomScalars.Long;
        Assert.Equal("Long cannot represent non-integer value: 1.5", ErrorOf(() => scalar.ParseValue(1.5)));
        Assert.Equal("Long cannot represent non-integer value: \"1.0\"", ErrorOf(() => scalar.ParseValue("1.0")));
        Assert.Equal("Long cannot represent non-integer value: true", ErrorOf(() => scalar.ParseValue(true)));
        Assert.Equal(
            "Long cannot represent non 64-bit signed integer value: \"9223372036854775808\"",
            ErrorOf(() => scalar.ParseValue("9223372036854775808")));
        Assert.Equal("Long cannot represent non 64-bit signed integer value: 1e+30", ErrorOf(() => scalar.ParseValue(Json.Parse("1e30"))));
        Assert.Equal("Long cannot represent non 64-bit signed integer value: 18446744073709551615", ErrorOf(() => scalar.Serialize(ulong.MaxValue)));
        Assert.Equal(
            "Long cannot represent non 64-bit signed integer value: 9223372036854775808",
            ErrorOf(() => scalar.ParseLiteral(new IntValueNode { Value = "9223372036854775808" }, null)));
    }

    [Fact]
    public void Json_normalises_variables_to_the_engine_shape()
    {
        var value = CustomScalars.JSON.ParseValue(Json.Parse("""{"a": [1, 2.5, "x", true, null, {"b": {}}], "c": 10000000000000000000000}"""));
        var map = Assert.IsType<Dictionary<string, object?>>(value);
        var list = Assert.IsType<object?[]>(map["a"]);
        Assert.Equal(1L, list[0]);
        Assert.Equal(2.5, list[1]);
        Assert.Equal("x", list[2]);
        Assert.Equal(true, list[3]);
        Assert.Null(list[4]);
        Assert.Empty(Assert.IsType<Dictionary<string, object?>>(Assert.IsType<Dictionary<string, object?>>(list[5])["b"]));
        Assert.Equal(1e22, map["c"]);
        Assert.Equal("plain", CustomScalars.JSON.ParseValue("plain"));
    }

    [Fact]
    public void Json_converts_literals_with_variables()
    {
        var variables = new Dictionary<string, object?> { ["v"] = new Dictionary<string, object?> { ["k"] = 1L } };
        var literal = Parser.ParseValue("{a: [1, 1.5, \"s\", false, null, $v, $missing], b: $missing, c: $v, d: 99999999999999999999}");
        var map = Assert.IsType<Dictionary<string, object?>>(CustomScalars.JSON.ParseLiteral(literal, variables));
        Assert.Equal(["a", "c", "d"], map.Keys);
        var list = Assert.IsType<object?[]>(map["a"]);
        Assert.Equal(new object?[] { 1L, 1.5, "s", false, null }, list[..5]);
        Assert.Equal(new Dictionary<string, object?> { ["k"] = 1L }, list[5]);
        Assert.Null(list[6]);
        Assert.Equal(1e20, map["d"]);
    }

    [Fact]
    public void Json_refuses_enum_literals_and_too_deep_values()
    {
        Assert.Equal("JSON cannot represent value: ACTIVE", ErrorOf(() => CustomScalars.JSON.ParseLiteral(new EnumValueNode { Value = "ACTIVE" }, null)));
        object? deep = null;
        for (var i = 0; i < 200; i++)
        {
            deep = new object?[] { deep };
        }

        var error = Assert.Throws<GraphQLError>(() => CustomScalars.JSON.ParseValue(deep!));
        Assert.Equal("JSON value nests deeper than 128 levels.", error.Message);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, error.Code);
    }

    [Fact]
    public void Json_output_is_the_value_itself()
    {
        var value = new Dictionary<string, object?> { ["a"] = 1 };
        Assert.Same(value, CustomScalars.JSON.Serialize(value));
    }

    private sealed class File : IUploadedFile
    {
        public string FileName => "a.txt";

        public string? ContentType => "text/plain";

        public long? Length => 1;

        public Stream OpenReadStream() => new MemoryStream([65]);
    }

    [Fact]
    public void Upload_takes_files_from_variables_only()
    {
        var file = new File();
        Assert.Same(file, CustomScalars.Upload.ParseValue(file));
        Assert.Equal(
            "Upload cannot represent a non-file value: \"a.txt\". Send files as variables of a multipart request.",
            ErrorOf(() => CustomScalars.Upload.ParseValue("a.txt")));
        Assert.Equal(
            "Upload cannot be written as a literal. Send files as variables of a multipart request.",
            ErrorOf(() => CustomScalars.Upload.ParseLiteral(new StringValueNode { Value = "a.txt" }, null)));
        Assert.Equal("Upload is an input-only scalar: a field cannot return it.", ErrorOf(() => CustomScalars.Upload.Serialize(file)));
    }

    [Fact]
    public async Task Each_scalar_takes_variables_and_literals_and_writes_results_in_a_request()
    {
        var received = new List<object?>();
        FieldResolver Echo(string argument) => context =>
        {
            received.Add(context.Arguments[argument]);
            return new ValueTask<object?>(context.Arguments[argument]);
        };
        var schema = SchemaBuilder.FromSdl("""
                type Query {
                  at(value: DateTime!): DateTime!
                  id(value: UUID!): UUID!
                  big(value: Long!): Long!
                  json(value: JSON): JSON
                  fileName(file: Upload!): String!
                }
                scalar DateTime
                scalar UUID
                scalar Long
                scalar JSON
                scalar Upload
                """)
            .AddScalar(CustomScalars.DateTime)
            .AddScalar(CustomScalars.UUID)
            .AddScalar(CustomScalars.Long)
            .AddScalar(CustomScalars.JSON)
            .AddScalar(CustomScalars.Upload)
            .Resolve("Query.at", Echo("value"))
            .Resolve("Query.id", Echo("value"))
            .Resolve("Query.big", Echo("value"))
            .Resolve("Query.json", Echo("value"))
            .Resolve("Query.fileName", context =>
            {
                received.Add(context.Arguments["file"]);
                return new ValueTask<object?>(((IUploadedFile)context.Arguments["file"]!).FileName);
            })
            .Build();
        var file = new File();

        // As the server hands them over: JSON values, with the multipart request's file put in place of its variable.
        var variables = new Dictionary<string, object?>
        {
            ["at"] = Json.Parse("\"2026-11-21T14:44:00+01:00\""),
            ["id"] = Json.Parse("\"5F0D7C6E-2B59-4F0C-9E43-0B6F3F1C2A10\""),
            ["big"] = Json.Parse("\"9007199254740993\""),
            ["json"] = Json.Parse("""{"a": [1, 2.5], "b": null}"""),
            ["file"] = file,
        };
        var result = await new RequestExecutor(schema).ExecuteAsync(
            new GraphQLRequest
            {
                Query = """
                    query ($at: DateTime!, $id: UUID!, $big: Long!, $json: JSON, $file: Upload!) {
                      at(value: $at) id(value: $id) big(value: $big) json(value: $json) fileName(file: $file)
                      literalAt: at(value: "2026-11-21T13:44:00.5Z") literalBig: big(value: 9223372036854775807) literalJson: json(value: {a: ["x", true]})
                    }
                    """,
                Variables = variables,
            },
            new RequestContext());

        Assert.Equal(
            """{"data":{"at":"2026-11-21T13:44:00.000Z","id":"5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10","big":9007199254740993,"json":{"a":[1,2.5],"b":null},"fileName":"a.txt","literalAt":"2026-11-21T13:44:00.500Z","literalBig":9223372036854775807,"literalJson":{"a":["x",true]}}}""",
            result.ToJson());
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 14, 44, 0, TimeSpan.FromHours(1)), Assert.IsType<DateTimeOffset>(received[0]));
        Assert.Equal(TimeSpan.FromHours(1), ((DateTimeOffset)received[0]!).Offset);
        Assert.Equal(Guid.Parse("5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10"), received[1]);
        Assert.Equal(9007199254740993L, received[2]);
        Assert.IsType<Dictionary<string, object?>>(received[3]);
        Assert.Same(file, received[4]);
    }
}
