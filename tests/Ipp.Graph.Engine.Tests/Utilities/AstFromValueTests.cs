using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;
using Ipp.Graph.Engine.Utilities;
using static Ipp.Graph.Engine.Tests.Utilities.CoercionTypes;

namespace Ipp.Graph.Engine.Tests.Utilities;

/// <summary>AstFromValue against graphql-js's astFromValue (expected literals produced with node).</summary>
public class AstFromValueTests
{
    /// <summary>The literal's kind and text as graphql-js's node script printed them (<c>IntValue 123</c>).</summary>
    private static string Describe(object? value, GraphQLType type)
    {
        var node = AstFromValue.Convert(value, type);
        return node is null ? "null" : node.Kind + " " + Text(node);
    }

    private static string Text(ValueNode node) => node switch
    {
        IntValueNode n => n.Value,
        FloatValueNode n => n.Value,
        StringValueNode n => Inspect.Quote(n.Value),
        BooleanValueNode n => n.Value ? "true" : "false",
        NullValueNode => "null",
        EnumValueNode n => n.Value,
        ListValueNode n => "[" + string.Join(", ", n.Values.Select(Text)) + "]",
        ObjectValueNode n => "{" + string.Join(", ", n.Fields.Select(f => f.Name.Value + ": " + Text(f.Value))) + "}",
        _ => throw new InvalidOperationException(node.Kind.ToString()),
    };

    [Fact]
    public void Converts_scalars()
    {
        Assert.Equal("BooleanValue true", Describe(true, SpecifiedScalars.Boolean));
        Assert.Equal("BooleanValue false", Describe(0, SpecifiedScalars.Boolean));
        Assert.Equal("IntValue 123", Describe(123, SpecifiedScalars.Int));
        Assert.Equal("IntValue 123", Describe(123d, SpecifiedScalars.Float));
        Assert.Equal("FloatValue 123.5", Describe(123.5, SpecifiedScalars.Float));
        Assert.Equal("FloatValue 1e+40", Describe(1e40, SpecifiedScalars.Float));
        Assert.Equal("FloatValue 1e-7", Describe(1e-7, SpecifiedScalars.Float));
        Assert.Equal("IntValue 0", Describe(-0d, SpecifiedScalars.Float));
        Assert.Equal("StringValue \"01\"", Describe("01", SpecifiedScalars.ID));
        Assert.Equal("IntValue 123", Describe("123", SpecifiedScalars.ID));
        Assert.Equal("IntValue -1", Describe("-1", SpecifiedScalars.ID));
        Assert.Equal("StringValue \"hello\"", Describe("hello", SpecifiedScalars.String));
        Assert.Equal("StringValue \"he\\\"l\\nlo\"", Describe("he\"l\nlo", SpecifiedScalars.String));
        Assert.Equal("StringValue \"12\"", Describe(12, SpecifiedScalars.String));
    }

    [Fact]
    public void Null_gives_a_null_literal_except_for_non_null_types()
    {
        Assert.Equal("null", Describe(null, new NonNullType(SpecifiedScalars.Int)));
        Assert.Equal("NullValue null", Describe(null, SpecifiedScalars.Int));
    }

    [Fact]
    public void Converts_enums_lists_and_input_objects()
    {
        Assert.Equal("EnumValue RED", Describe("RED", Color));
        Assert.Equal("ListValue [1, 2]", Describe(new object?[] { 1, null, 2 }, new ListType(new NonNullType(SpecifiedScalars.Int))));
        Assert.Equal("ListValue [1, null, 2]", Describe(new List<object?> { 1, null, 2 }, new ListType(SpecifiedScalars.Int)));
        Assert.Equal("IntValue 5", Describe(5, new ListType(SpecifiedScalars.Int)));
        Assert.Equal(
            "ObjectValue {x: 1, y: null, list: [1], color: BLUE}",
            Describe(new Dictionary<string, object?> { ["x"] = 1, ["y"] = null, ["color"] = "BLUE", ["list"] = new object?[] { 1 } }, In));
        Assert.Equal("ObjectValue {y: \"a\"}", Describe(new Dictionary<string, object?> { ["y"] = "a" }, In));
        Assert.Equal("ObjectValue {a: 1}", Describe(new Dictionary<string, object?> { ["a"] = 1 }, One));
        Assert.Equal("null", Describe(5, In));
    }

    [Fact]
    public void Fails_like_graphql_js_for_values_the_type_cannot_represent()
    {
        Assert.Equal(
            "Int cannot represent non 32-bit signed integer value: 1e+40",
            Assert.Throws<GraphQLError>(() => AstFromValue.Convert(1e40, SpecifiedScalars.Int)).Message);
        Assert.Equal(
            "Enum \"Color\" cannot represent value: \"PURPLE\"",
            Assert.Throws<GraphQLError>(() => AstFromValue.Convert("PURPLE", Color)).Message);
        Assert.Equal(
            "Int cannot represent non-integer value: \"x\"",
            Assert.Throws<GraphQLError>(() => AstFromValue.Convert("x", SpecifiedScalars.Int)).Message);
    }

    [Fact]
    public void Writes_bound_enum_members_by_their_graphql_names()
    {
        var bound = new EnumType("Bound");
        bound.SetValues([new EnumValueDefinition("DEEP_RED", ConsoleColor.DarkRed)]);
        Assert.Equal("EnumValue DEEP_RED", Describe(ConsoleColor.DarkRed, bound));
    }

    [Fact]
    public void Writes_objects_a_custom_scalar_serializes_to_as_object_literals()
    {
        var json = CustomScalars.JSON;
        var value = new Dictionary<string, object?> { ["a"] = new object?[] { 1L, 2.5, "x", true, null } };
        Assert.Equal("ObjectValue {a: [1, 2.5, \"x\", true, null]}", Describe(value, json));
    }

    [Fact]
    public void Decimals_keep_their_digits()
    {
        Assert.Equal("FloatValue 2.5", Describe(2.50m, CustomScalars.JSON));
        Assert.Equal("IntValue 3", Describe(3.0m, CustomScalars.JSON));
    }
}
