using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.JavaScript;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;
using Ipp.Graph.Engine.Utilities;
using static Ipp.Graph.Engine.Tests.Utilities.CoercionTypes;

namespace Ipp.Graph.Engine.Tests.Utilities;

/// <summary>CoerceInputValue against graphql-js's coerceInputValue (expected errors produced with node).</summary>
public class CoerceInputValueTests
{
    /// <summary>Coerces collecting every error as "path invalidValue message", as the node script printed them.</summary>
    private static (object? Value, List<string> Errors) Collect(object? value, GraphQLType type)
    {
        var errors = new List<string>();
        var result = CoerceInputValue.Coerce(
            value,
            type,
            (path, invalid, error) => errors.Add($"[{string.Join(",", path.Select(k => k is int ? k.ToString() : "\"" + k + "\""))}] {Inspect.Format(invalid)} {error.Message}"));
        return (result, errors);
    }

    private static string Thrown(object? value, GraphQLType type) =>
        Assert.Throws<GraphQLError>(() => CoerceInputValue.Coerce(value, type)).Message;

    [Fact]
    public void Coerces_an_input_object_adding_defaults()
    {
        var (value, errors) = Collect(Json.Parse("""{"x": 1}"""), In);
        Assert.Empty(errors);
        var map = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(["x", "y"], map.Keys);
        Assert.Equal(1, map["x"]);
        Assert.Equal("d", map["y"]);
    }

    [Fact]
    public void Keeps_explicit_nulls_and_wraps_single_values_in_lists()
    {
        var (value, errors) = Collect(Json.Parse("""{"x": 1, "y": null, "list": 5}"""), In);
        Assert.Empty(errors);
        var map = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.True(map.ContainsKey("y"));
        Assert.Null(map["y"]);
        Assert.Equal(new object?[] { 5 }, map["list"]);
    }

    [Fact]
    public void Accepts_dotnet_dictionaries_and_lists()
    {
        var input = new Dictionary<string, object?> { ["x"] = 2L, ["list"] = new List<object?> { 1L, null }, ["color"] = "BLUE" };
        var (value, errors) = Collect(input, In);
        Assert.Empty(errors);
        var map = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(2, map["x"]);
        Assert.Equal(new object?[] { 1, null }, map["list"]);
        Assert.Equal("BLUE", map["color"]);
    }

    [Fact]
    public void Reports_a_missing_required_field()
    {
        Assert.Equal(["[] {} Field \"x\" of required type \"Int!\" was not provided."], Collect(Json.Parse("{}"), In).Errors);
        Assert.Equal("Invalid value {}: Field \"x\" of required type \"Int!\" was not provided.", Thrown(Json.Parse("{}"), In));
    }

    [Fact]
    public void Reports_field_errors_then_unknown_fields_with_suggestions()
    {
        var input = Json.Parse("""{"x": "a", "nme": 1, "xx": 2}""");
        Assert.Equal(
            [
                "[\"x\"] \"a\" Int cannot represent non-integer value: \"a\"",
                "[] { x: \"a\", nme: 1, xx: 2 } Field \"nme\" is not defined by type \"In\".",
                "[] { x: \"a\", nme: 1, xx: 2 } Field \"xx\" is not defined by type \"In\". Did you mean \"x\"?",
            ],
            Collect(input, In).Errors);
        Assert.Equal("Invalid value \"a\" at \"value.x\": Int cannot represent non-integer value: \"a\"", Thrown(input, In));
    }

    [Fact]
    public void Hides_suggestions_when_asked()
    {
        var errors = new List<string>();
        CoerceInputValue.Coerce(Json.Parse("""{"x": 1, "xx": 2}"""), In, (_, _, error) => errors.Add(error.Message), hideSuggestions: true);
        Assert.Equal(["Field \"xx\" is not defined by type \"In\"."], errors);
    }

    [Fact]
    public void Refuses_non_objects_for_input_objects()
    {
        Assert.Equal(["[] [1] Expected type \"In\" to be an object."], Collect(Json.Parse("[1]"), In).Errors);
        Assert.Equal("Invalid value \"str\": Expected type \"In\" to be an object.", Thrown("str", In));
    }

    [Fact]
    public void Reports_paths_into_nested_lists_and_objects()
    {
        var input = Json.Parse("""{"x": 1, "nested": {"a": true, "deep": [[{"a": 1}], null, [{"a": false}, null]]}}""");
        Assert.Equal(
            [
                "[\"nested\",\"deep\",0,0,\"a\"] 1 Boolean cannot represent a non boolean value: 1",
                "[\"nested\",\"deep\",2,1] null Expected non-nullable type \"In2!\" not to be null.",
            ],
            Collect(input, In).Errors);
        Assert.Equal(
            "Invalid value 1 at \"value.nested.deep[0][0].a\": Boolean cannot represent a non boolean value: 1",
            Thrown(input, In));
    }

    [Fact]
    public void Coerces_enum_values_by_name_with_suggestions()
    {
        Assert.Empty(Collect(Json.Parse("""{"x": 1, "color": "RED"}"""), In).Errors);
        Assert.Equal(
            ["[\"color\"] \"red\" Value \"red\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?"],
            Collect(Json.Parse("""{"x": 1, "color": "red"}"""), In).Errors);
        Assert.Equal(
            ["[\"color\"] 1 Enum \"Color\" cannot represent non-string value: 1."],
            Collect(Json.Parse("""{"x": 1, "color": 1}"""), In).Errors);
        Assert.Equal("Invalid value \"PURPLE\": Value \"PURPLE\" does not exist in \"Color\" enum.", Thrown("PURPLE", Color));
        Assert.Equal(
            "Invalid value \"GREN\": Value \"GREN\" does not exist in \"Color\" enum. Did you mean the enum value \"GREEN\" or \"RED\"?",
            Thrown(Json.Parse("\"GREN\""), Color));
    }

    [Fact]
    public void Enforces_one_of()
    {
        Assert.Empty(Collect(Json.Parse("""{"a": 1}"""), One).Errors);
        Assert.Equal(["[] {} Exactly one key must be specified for OneOf type \"One\"."], Collect(Json.Parse("{}"), One).Errors);
        Assert.Equal(
            ["[] { a: 1, b: \"x\" } Exactly one key must be specified for OneOf type \"One\"."],
            Collect(Json.Parse("""{"a": 1, "b": "x"}"""), One).Errors);
        Assert.Equal(["[\"a\"] null Field \"a\" must be non-null."], Collect(Json.Parse("""{"a": null}"""), One).Errors);
        Assert.Equal(
            ["[] { a: null, b: null } Exactly one key must be specified for OneOf type \"One\".", "[\"a\"] null Field \"a\" must be non-null."],
            Collect(Json.Parse("""{"a": null, "b": null}"""), One).Errors);
        Assert.Equal(
            [
                "[] { c: 1 } Field \"c\" is not defined by type \"One\". Did you mean \"a\" or \"b\"?",
                "[] { c: 1 } Exactly one key must be specified for OneOf type \"One\".",
            ],
            Collect(Json.Parse("""{"c": 1}"""), One).Errors);
        Assert.Equal("Invalid value null at \"value.a\": Field \"a\" must be non-null.", Thrown(Json.Parse("""{"a": null}"""), One));
    }

    [Fact]
    public void Coerces_lists()
    {
        var intList = new NonNullType(new ListType(new NonNullType(SpecifiedScalars.Int)));
        Assert.Equal(["[] null Expected non-nullable type \"[Int!]!\" not to be null."], Collect(null, intList).Errors);
        Assert.Equal(["[] null Expected non-nullable type \"[Int!]!\" not to be null."], Collect(Json.Parse("null"), intList).Errors);
        Assert.Equal(
            ["[1] null Expected non-nullable type \"Int!\" not to be null.", "[2] \"x\" Int cannot represent non-integer value: \"x\""],
            Collect(Json.Parse("[1, null, \"x\"]"), intList).Errors);
        Assert.Equal(new object?[] { 3 }, Collect(3, new ListType(SpecifiedScalars.Int)).Value);
        var nested = Collect(Json.Parse("[1, [2]]"), new ListType(new ListType(SpecifiedScalars.Int)));
        Assert.Empty(nested.Errors);
        Assert.Equal(new object?[] { new object?[] { 1 }, new object?[] { 2 } }, nested.Value);
        Assert.Equal("Invalid value null at \"value[1]\": Expected non-nullable type \"Int!\" not to be null.", Thrown(Json.Parse("[1, null]"), intList));
    }

    [Fact]
    public void Null_for_a_nullable_type_is_null()
    {
        var (value, errors) = Collect(Json.Parse("null"), SpecifiedScalars.Int);
        Assert.Null(value);
        Assert.Empty(errors);
        Assert.Equal("Invalid value null: Expected non-nullable type \"Int!\" not to be null.", Thrown(null, new NonNullType(SpecifiedScalars.Int)));
    }

    [Fact]
    public void Thrown_errors_carry_the_bad_user_input_code()
    {
        var error = Assert.Throws<GraphQLError>(() => CoerceInputValue.Coerce("x", SpecifiedScalars.Int));
        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
    }

    private sealed class ThrowingScalar() : ScalarType("Odd")
    {
        public override object Serialize(object value) => value;

        public override object ParseValue(object value) => throw new FormatException("Not odd.");

        public override object ParseLiteral(Engine.Language.Ast.ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => 1;
    }

    [Fact]
    public void Wraps_other_exceptions_of_custom_scalars()
    {
        Assert.Equal(["[] 2 Expected type \"Odd\". Not odd."], Collect(2, new ThrowingScalar()).Errors);
    }

    [Fact]
    public void Refuses_values_nesting_too_deep_without_overflowing_the_stack()
    {
        var deep = new InputObjectType("Deep");
        deep.SetFields([new InputFieldDefinition("next", deep)]);
        var json = string.Concat(Enumerable.Repeat("{\"next\":", 300)) + "null" + new string('}', 300);
        var value = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { MaxDepth = 400 }).RootElement;
        var errors = new List<GraphQLError>();
        CoerceInputValue.Coerce(value, deep, (_, _, error) => errors.Add(error));
        var error = Assert.Single(errors);
        Assert.Equal("Input value nests deeper than 200 levels.", error.Message);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, error.Code);
    }
}
