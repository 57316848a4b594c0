using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Tests.Types;

/// <summary>The built-in scalars against graphql-js 16's answers (checked with node while writing).</summary>
public class ScalarTests
{
    private static string ErrorOf(Func<object> action) => Assert.Throws<GraphQLError>(action).Message;

    private static ScalarType Scalar(string name) => name switch
    {
        "Int" => SpecifiedScalars.Int,
        "Float" => SpecifiedScalars.Float,
        "String" => SpecifiedScalars.String,
        "Boolean" => SpecifiedScalars.Boolean,
        _ => SpecifiedScalars.ID,
    };

    [Fact]
    public void Specified_lists_the_five_in_the_spec_order_and_they_are_built_in()
    {
        Assert.Equal(["Int", "Float", "String", "Boolean", "ID"], SpecifiedScalars.Specified.Select(s => s.Name));
        Assert.All(SpecifiedScalars.Specified, s => Assert.True(s.IsBuiltIn));
        Assert.All(SpecifiedScalars.Specified, s => Assert.False(string.IsNullOrEmpty(s.Description)));
        Assert.All(SpecifiedScalars.Specified, s => Assert.Null(s.SpecifiedByUrl));
    }

    [Theory]
    [InlineData("Int", "1", 1)]
    [InlineData("Int", "-2147483648", int.MinValue)]
    [InlineData("Int", "2147483647", int.MaxValue)]
    [InlineData("Int", "1.0", 1)]
    [InlineData("Int", "1e3", 1000)]
    [InlineData("Float", "1", 1d)]
    [InlineData("Float", "1.5", 1.5)]
    [InlineData("Float", "-0.25e2", -25d)]
    [InlineData("String", "\"a\"", "a")]
    [InlineData("String", "\"\"", "")]
    [InlineData("Boolean", "true", true)]
    [InlineData("Boolean", "false", false)]
    [InlineData("ID", "\"a\"", "a")]
    [InlineData("ID", "12", "12")]
    [InlineData("ID", "-12", "-12")]
    [InlineData("ID", "1e21", "1e+21")]
    public void ParseValue_accepts_json_values(string scalar, string json, object expected)
    {
        Assert.Equal(expected, Scalar(scalar).ParseValue(Json.Parse(json)));
    }

    [Theory]
    [InlineData("Int", "1.5", "Int cannot represent non-integer value: 1.5")]
    [InlineData("Int", "\"1\"", "Int cannot represent non-integer value: \"1\"")]
    [InlineData("Int", "3000000000", "Int cannot represent non 32-bit signed integer value: 3000000000")]
    [InlineData("Int", "-2147483649", "Int cannot represent non 32-bit signed integer value: -2147483649")]
    [InlineData("Int", "1e100", "Int cannot represent non 32-bit signed integer value: 1e+100")]
    [InlineData("Int", "1e400", "Int cannot represent non-integer value: Infinity")]
    [InlineData("Int", "true", "Int cannot represent non-integer value: true")]
    [InlineData("Int", "[1]", "Int cannot represent non-integer value: [1]")]
    [InlineData("Int", "{\"a\": [1, {\"b\": {\"c\": 1}}]}", "Int cannot represent non-integer value: { a: [1, [Object]] }")]
    [InlineData("Float", "\"1\"", "Float cannot represent non numeric value: \"1\"")]
    [InlineData("Float", "true", "Float cannot represent non numeric value: true")]
    [InlineData("Float", "1e400", "Float cannot represent non numeric value: Infinity")]
    [InlineData("String", "1", "String cannot represent a non string value: 1")]
    [InlineData("String", "[\"a\"]", "String cannot represent a non string value: [\"a\"]")]
    [InlineData("Boolean", "1", "Boolean cannot represent a non boolean value: 1")]
    [InlineData("Boolean", "\"true\"", "Boolean cannot represent a non boolean value: \"true\"")]
    [InlineData("ID", "1.5", "ID cannot represent value: 1.5")]
    [InlineData("ID", "true", "ID cannot represent value: true")]
    [InlineData("ID", "{\"x\": null}", "ID cannot represent value: { x: null }")]
    public void ParseValue_rejects_json_values_with_graphql_js_messages(string scalar, string json, string message)
    {
        Assert.Equal(message, ErrorOf(() => Scalar(scalar).ParseValue(Json.Parse(json))));
    }

    [Fact]
    public void ParseValue_accepts_normalised_dotnet_values()
    {
        Assert.Equal(5, SpecifiedScalars.Int.ParseValue(5L));
        Assert.Equal(5, SpecifiedScalars.Int.ParseValue(5.0));
        Assert.Equal(5, SpecifiedScalars.Int.ParseValue(5m));
        Assert.Equal(2.5, SpecifiedScalars.Float.ParseValue(2.5m));
        Assert.Equal(7d, SpecifiedScalars.Float.ParseValue(7));
        Assert.Equal(7d, SpecifiedScalars.Float.ParseValue(7L));
        Assert.Equal("42", SpecifiedScalars.ID.ParseValue(42L));
        Assert.Equal("42", SpecifiedScalars.ID.ParseValue(42.0));
        Assert.Equal(true, SpecifiedScalars.Boolean.ParseValue(true));
        Assert.Equal("x", SpecifiedScalars.String.ParseValue("x"));
    }

    [Fact]
    public void ParseValue_rejects_normalised_dotnet_values()
    {
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 3000000000", ErrorOf(() => SpecifiedScalars.Int.ParseValue(3000000000L)));
        Assert.Equal("Int cannot represent non-integer value: 1.5", ErrorOf(() => SpecifiedScalars.Int.ParseValue(1.5)));
        Assert.Equal("Int cannot represent non-integer value: \"1\"", ErrorOf(() => SpecifiedScalars.Int.ParseValue("1")));
        Assert.Equal("Float cannot represent non numeric value: NaN", ErrorOf(() => SpecifiedScalars.Float.ParseValue(double.NaN)));
        Assert.Equal("Float cannot represent non numeric value: -Infinity", ErrorOf(() => SpecifiedScalars.Float.ParseValue(double.NegativeInfinity)));
        Assert.Equal(
            "String cannot represent a non string value: { a: 1 }",
            ErrorOf(() => SpecifiedScalars.String.ParseValue(new Dictionary<string, object?> { ["a"] = 1 })));
        Assert.Equal("Boolean cannot represent a non boolean value: 0", ErrorOf(() => SpecifiedScalars.Boolean.ParseValue(0)));
        Assert.Equal("ID cannot represent value: [1, 2]", ErrorOf(() => SpecifiedScalars.ID.ParseValue(new object?[] { 1, 2 })));
    }

    [Fact]
    public void Int_and_boolean_results_reuse_boxes()
    {
        object boxed = 123456;
        Assert.Same(boxed, SpecifiedScalars.Int.Serialize(boxed));
        Assert.Same(boxed, SpecifiedScalars.Int.ParseValue(boxed));
        object flag = true;
        Assert.Same(flag, SpecifiedScalars.Boolean.Serialize(flag));
        Assert.Same(SpecifiedScalars.Int.ParseValue(7L), SpecifiedScalars.Int.ParseValue(7L));
        object text = "abc";
        Assert.Same(text, SpecifiedScalars.String.Serialize(text));
        Assert.Same(text, SpecifiedScalars.ID.ParseValue(text));
        object real = 1.5;
        Assert.Same(real, SpecifiedScalars.Float.ParseValue(real));
    }

    [Theory]
    [InlineData("Int", 1, 1)]
    [InlineData("Int", 1.0, 1)]
    [InlineData("Int", -1e9, -1000000000)]
    [InlineData("Int", true, 1)]
    [InlineData("Int", false, 0)]
    [InlineData("Int", "12", 12)]
    [InlineData("Int", " 0x1F ", 31)]
    [InlineData("Int", "-1e3", -1000)]
    [InlineData("Float", 1.5, 1.5)]
    [InlineData("Float", true, 1d)]
    [InlineData("Float", "1.5", 1.5)]
    [InlineData("Float", ".5", 0.5)]
    [InlineData("String", "a", "a")]
    [InlineData("String", 1, "1")]
    [InlineData("String", 1.5, "1.5")]
    [InlineData("String", 1e21, "1e+21")]
    [InlineData("String", 1e-7, "1e-7")]
    [InlineData("String", 0.1, "0.1")]
    [InlineData("String", 123456789012345680000d, "123456789012345680000")]
    [InlineData("String", true, "true")]
    [InlineData("String", 'c', "c")]
    [InlineData("Boolean", true, true)]
    [InlineData("Boolean", 0, false)]
    [InlineData("Boolean", 2.5, true)]
    [InlineData("Boolean", -0.0, false)]
    [InlineData("ID", "a", "a")]
    [InlineData("ID", 1, "1")]
    [InlineData("ID", 12L, "12")]
    [InlineData("ID", 1e21, "1e+21")]
    public void Serialize_coerces_results(string scalar, object value, object expected)
    {
        Assert.Equal(expected, Scalar(scalar).Serialize(value));
    }

    [Theory]
    [InlineData("Int", 1.5, "Int cannot represent non-integer value: 1.5")]
    [InlineData("Int", "", "Int cannot represent non-integer value: \"\"")]
    [InlineData("Int", "1.5", "Int cannot represent non-integer value: \"1.5\"")]
    [InlineData("Int", "abc", "Int cannot represent non-integer value: \"abc\"")]
    [InlineData("Int", "3000000000", "Int cannot represent non 32-bit signed integer value: \"3000000000\"")]
    [InlineData("Int", 3000000000L, "Int cannot represent non 32-bit signed integer value: 3000000000")]
    [InlineData("Int", 1e100, "Int cannot represent non 32-bit signed integer value: 1e+100")]
    [InlineData("Float", "abc", "Float cannot represent non numeric value: \"abc\"")]
    [InlineData("Float", "", "Float cannot represent non numeric value: \"\"")]
    [InlineData("Float", double.PositiveInfinity, "Float cannot represent non numeric value: Infinity")]
    [InlineData("String", double.NaN, "String cannot represent value: NaN")]
    [InlineData("Boolean", "true", "Boolean cannot represent a non boolean value: \"true\"")]
    [InlineData("ID", 1.5, "ID cannot represent value: 1.5")]
    [InlineData("ID", true, "ID cannot represent value: true")]
    public void Serialize_rejects_results_with_graphql_js_messages(string scalar, object value, string message)
    {
        Assert.Equal(message, ErrorOf(() => Scalar(scalar).Serialize(value)));
    }

    [Fact]
    public void Serialize_rejects_objects_and_lists()
    {
        var map = new Dictionary<string, object?> { ["a"] = 1 };
        Assert.Equal("Int cannot represent non-integer value: { a: 1 }", ErrorOf(() => SpecifiedScalars.Int.Serialize(map)));
        Assert.Equal("String cannot represent value: { a: 1 }", ErrorOf(() => SpecifiedScalars.String.Serialize(map)));
        Assert.Equal("String cannot represent value: [1, 2]", ErrorOf(() => SpecifiedScalars.String.Serialize(new List<object?> { 1, 2 })));
        Assert.Equal("Float cannot represent non numeric value: [1]", ErrorOf(() => SpecifiedScalars.Float.Serialize(new[] { 1 })));
        Assert.Equal("ID cannot represent value: {}", ErrorOf(() => SpecifiedScalars.ID.Serialize(new Dictionary<string, object?>())));
    }

    [Fact]
    public void Serialize_accepts_every_dotnet_numeric_type()
    {
        Assert.Equal(7, SpecifiedScalars.Int.Serialize((short)7));
        Assert.Equal(7, SpecifiedScalars.Int.Serialize((byte)7));
        Assert.Equal(7, SpecifiedScalars.Int.Serialize(7u));
        Assert.Equal(7, SpecifiedScalars.Int.Serialize(7UL));
        Assert.Equal(7, SpecifiedScalars.Int.Serialize(7f));
        Assert.Equal(7, SpecifiedScalars.Int.Serialize(7.000m));
        Assert.Equal(2.5, SpecifiedScalars.Float.Serialize(2.5f));
        Assert.Equal(2.5, SpecifiedScalars.Float.Serialize(2.5m));
        Assert.Equal("2.5", SpecifiedScalars.String.Serialize(2.50m));
        Assert.Equal("18446744073709551615", SpecifiedScalars.String.Serialize(ulong.MaxValue));
        Assert.Equal("7", SpecifiedScalars.ID.Serialize((short)7));
        Assert.Equal(true, SpecifiedScalars.Boolean.Serialize(3L));
    }

    private enum Colour
    {
        DeepRed,
    }

    [Fact]
    public void String_and_id_serialize_dotnet_values_with_a_canonical_text()
    {
        var guid = Guid.Parse("5F0D7C6E-2B59-4F0C-9E43-0B6F3F1C2A10");
        Assert.Equal("5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10", SpecifiedScalars.String.Serialize(guid));
        Assert.Equal("5f0d7c6e-2b59-4f0c-9e43-0b6f3f1c2a10", SpecifiedScalars.ID.Serialize(guid));
        Assert.Equal("DeepRed", SpecifiedScalars.String.Serialize(Colour.DeepRed));
        Assert.Equal(
            "2026-11-21T13:44:00.000Z",
            SpecifiedScalars.String.Serialize(new DateTimeOffset(2026, 11, 21, 14, 44, 0, TimeSpan.FromHours(1))));
        Assert.Equal("Int cannot represent non-integer value: Colour.DeepRed", ErrorOf(() => SpecifiedScalars.Int.Serialize(Colour.DeepRed)));
        Assert.Equal("ID cannot represent value: Colour.DeepRed", ErrorOf(() => SpecifiedScalars.ID.Serialize(Colour.DeepRed)));
    }

    [Fact]
    public void Serialize_reads_json_elements_returned_by_resolvers()
    {
        Assert.Equal(3, SpecifiedScalars.Int.Serialize(Json.Parse("3")));
        Assert.Equal("x", SpecifiedScalars.String.Serialize(Json.Parse("\"x\"")));
        Assert.Equal(false, SpecifiedScalars.Boolean.Serialize(Json.Parse("false")));
        Assert.Equal("String cannot represent value: { a: 1 }", ErrorOf(() => SpecifiedScalars.String.Serialize(Json.Parse("{\"a\":1}"))));
    }

    [Fact]
    public void ParseLiteral_accepts_literals_of_the_right_kind()
    {
        Assert.Equal(1, SpecifiedScalars.Int.ParseLiteral(new IntValueNode { Value = "1" }, null));
        Assert.Equal(-2147483648, SpecifiedScalars.Int.ParseLiteral(new IntValueNode { Value = "-2147483648" }, null));
        Assert.Equal(1d, SpecifiedScalars.Float.ParseLiteral(new IntValueNode { Value = "1" }, null));
        Assert.Equal(1500d, SpecifiedScalars.Float.ParseLiteral(new FloatValueNode { Value = "1.5e3" }, null));
        Assert.Equal(double.PositiveInfinity, SpecifiedScalars.Float.ParseLiteral(new FloatValueNode { Value = "1e400" }, null));
        Assert.Equal("a", SpecifiedScalars.String.ParseLiteral(new StringValueNode { Value = "a" }, null));
        Assert.Equal(true, SpecifiedScalars.Boolean.ParseLiteral(new BooleanValueNode { Value = true }, null));
        Assert.Equal("a", SpecifiedScalars.ID.ParseLiteral(new StringValueNode { Value = "a" }, null));
        Assert.Equal("12", SpecifiedScalars.ID.ParseLiteral(new IntValueNode { Value = "12" }, null));
    }

    [Theory]
    [InlineData("Int", "1.5", "Int cannot represent non-integer value: 1.5")]
    [InlineData("Int", "\"1\"", "Int cannot represent non-integer value: \"1\"")]
    [InlineData("Int", "{a: [1, \"x\"]}", "Int cannot represent non-integer value: {a: [1, \"x\"]}")]
    [InlineData("Int", "ENUM", "Int cannot represent non-integer value: ENUM")]
    [InlineData("Float", "\"x\"", "Float cannot represent non numeric value: \"x\"")]
    [InlineData("String", "1", "String cannot represent a non string value: 1")]
    [InlineData("String", "[\"a\"]", "String cannot represent a non string value: [\"a\"]")]
    [InlineData("Boolean", "1", "Boolean cannot represent a non boolean value: 1")]
    [InlineData("Boolean", "\"true\"", "Boolean cannot represent a non boolean value: \"true\"")]
    [InlineData("ID", "1.5", "ID cannot represent a non-string and non-integer value: 1.5")]
    [InlineData("ID", "true", "ID cannot represent a non-string and non-integer value: true")]
    [InlineData("ID", "null", "ID cannot represent a non-string and non-integer value: null")]
    [InlineData("ID", "$v", "ID cannot represent a non-string and non-integer value: $v")]
    public void ParseLiteral_rejects_literals_with_graphql_js_messages(string scalar, string literal, string message)
    {
        var node = Parser.ParseValue(literal);
        var error = Assert.Throws<GraphQLError>(() => Scalar(scalar).ParseLiteral(node, null));
        Assert.Equal(message, error.Message);
        Assert.Equal([new SourceLocation(1, 1)], error.Locations!);
    }

    [Fact]
    public void ParseLiteral_out_of_range_int_names_the_literal_and_its_location()
    {
        var source = new Source("3000000000");
        var literal = new IntValueNode { Value = "3000000000", Location = new Location(0, 10, source) };
        var error = Assert.Throws<GraphQLError>(() => SpecifiedScalars.Int.ParseLiteral(literal, null));
        Assert.Equal("Int cannot represent non 32-bit signed integer value: 3000000000", error.Message);
        Assert.Equal([new SourceLocation(1, 1)], error.Locations!);
    }
}
