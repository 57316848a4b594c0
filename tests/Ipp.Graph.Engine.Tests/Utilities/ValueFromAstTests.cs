using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;
using Ipp.Graph.Engine.Utilities;
using static Ipp.Graph.Engine.Tests.Utilities.CoercionTypes;

namespace Ipp.Graph.Engine.Tests.Utilities;

/// <summary>ValueFromAst against graphql-js's valueFromAST (expected values produced with node).</summary>
public class ValueFromAstTests
{
    private static readonly Dictionary<string, object?> Variables = new() { ["n"] = null, ["i"] = 7, ["s"] = "v" };

    private static (bool Ok, object? Value) Convert(string literal, GraphQLType type)
    {
        var ok = ValueFromAst.TryConvert(Parser.ParseValue(literal), type, Variables, out var value);
        return (ok, value);
    }

    private static object? Valid(string literal, GraphQLType type)
    {
        var (ok, value) = Convert(literal, type);
        Assert.True(ok, $"{literal} should be valid for {type}");
        return value;
    }

    private static void Invalid(string literal, GraphQLType type)
    {
        var (ok, value) = Convert(literal, type);
        Assert.False(ok, $"{literal} should be invalid for {type}");
        Assert.Null(value);
    }

    [Fact]
    public void Converts_scalar_literals()
    {
        Assert.Equal(123, Valid("123", SpecifiedScalars.Int));
        Assert.Equal(123d, Valid("123", SpecifiedScalars.Float));
        Assert.Equal(1.5, Valid("1.5", SpecifiedScalars.Float));
        Assert.Equal("x", Valid("\"x\"", SpecifiedScalars.String));
        Assert.Equal("123", Valid("123", SpecifiedScalars.ID));
        Assert.Equal("a", Valid("\"a\"", SpecifiedScalars.ID));
        Assert.Equal(true, Valid("true", SpecifiedScalars.Boolean));
        Invalid("1.5", SpecifiedScalars.Int);
        Invalid("\"1\"", SpecifiedScalars.Int);
        Invalid("3000000000", SpecifiedScalars.Int);
    }

    [Fact]
    public void Null_is_valid_only_for_nullable_types()
    {
        Assert.Null(Valid("null", SpecifiedScalars.Int));
        Invalid("null", new NonNullType(SpecifiedScalars.Int));
    }

    [Fact]
    public void Reads_variables_and_treats_missing_ones_as_not_given()
    {
        Assert.Equal(7, Valid("$i", SpecifiedScalars.Int));
        Invalid("$missing", SpecifiedScalars.Int);
        Invalid("$n", new NonNullType(SpecifiedScalars.Int));
        Assert.Null(Valid("$n", SpecifiedScalars.Int));
        Assert.False(ValueFromAst.TryConvert(Parser.ParseValue("$i"), SpecifiedScalars.Int, null, out _));
        Assert.False(ValueFromAst.TryConvert(null, SpecifiedScalars.Int, Variables, out _));
    }

    [Fact]
    public void Converts_lists()
    {
        Assert.Equal(new object?[] { 1, null, 3 }, Valid("[1, $missing, 3]", new ListType(SpecifiedScalars.Int)));
        Invalid("[1, $missing]", new ListType(new NonNullType(SpecifiedScalars.Int)));
        Assert.Equal(new object?[] { 4 }, Valid("4", new ListType(SpecifiedScalars.Int)));
        Invalid("[1, \"x\"]", new ListType(SpecifiedScalars.Int));
        Assert.Equal(new object?[] { new object?[] { 1 }, new object?[] { 2 } }, Valid("[1, [2]]", new ListType(new ListType(SpecifiedScalars.Int))));
        Assert.Equal(new object?[] { "RED", "BLUE" }, Valid("[RED, BLUE]", new ListType(Color)));
    }

    [Fact]
    public void Converts_input_objects_with_defaults()
    {
        Assert.Equal(new Dictionary<string, object?> { ["x"] = 1, ["y"] = "d" }, Valid("{x: 1}", In));
        Invalid("{y: \"a\"}", In);
        Invalid("{x: $missing}", In);
        Assert.Equal(new Dictionary<string, object?> { ["x"] = 1, ["y"] = "d" }, Valid("{x: 1, y: $missing}", In));
        Assert.Equal(new Dictionary<string, object?> { ["x"] = 1, ["y"] = null }, Valid("{x: 1, y: $n}", In));
        Assert.Equal(new Dictionary<string, object?> { ["x"] = 1, ["y"] = "d", ["color"] = "RED" }, Valid("{x: 1, color: RED}", In));
        Invalid("{x: 1, color: \"RED\"}", In);
        Invalid("{x: 1, color: PURPLE}", In);
        Assert.Equal(new Dictionary<string, object?> { ["x"] = 1, ["y"] = "d" }, Valid("{x: 1, zzz: 2}", In));
        Invalid("[{x: 1}]", In);
    }

    [Fact]
    public void Converts_one_of_input_objects()
    {
        Assert.Equal(new Dictionary<string, object?> { ["a"] = 1 }, Valid("{a: 1}", One));
        Invalid("{a: 1, b: \"x\"}", One);
        Invalid("{a: null}", One);
        Assert.Equal(new Dictionary<string, object?> { ["b"] = "x" }, Valid("{a: $missing, b: \"x\"}", One));
        Invalid("{}", One);
    }

    [Fact]
    public void Converts_enum_literals_to_their_internal_values()
    {
        var bound = new EnumType("Bound");
        bound.SetValues([new EnumValueDefinition("DEEP_RED", ConsoleColor.DarkRed)]);
        Assert.Equal(ConsoleColor.DarkRed, Valid("DEEP_RED", bound));
        Assert.Equal("RED", Valid("RED", Color));
        Invalid("\"RED\"", Color);
    }

    [Fact]
    public void Refuses_literals_nesting_too_deep()
    {
        var deep = new InputObjectType("Deep");
        deep.SetFields([new InputFieldDefinition("next", deep)]);
        var literal = new ObjectValueNode { Fields = [] };
        for (var i = 0; i < 300; i++)
        {
            literal = new ObjectValueNode { Fields = [new ObjectFieldNode { Name = new NameNode("next"), Value = literal }] };
        }

        Assert.False(ValueFromAst.TryConvert(literal, deep, null, out _));
    }
}
