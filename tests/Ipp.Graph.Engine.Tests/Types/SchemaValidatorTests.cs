using System.Text.Json;
using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Types.Scalars;

namespace Ipp.Graph.Engine.Tests.Types;

/// <summary>
/// Every type-system rule of SchemaValidator, compared live with graphql-js's validateSchema (tests/js/schema/validate-schema.js)
/// for the schemas SDL can express, and with graphql-js's messages written out for those only code can build.
/// </summary>
public class SchemaValidatorTests
{
    /// <summary>Each case: a name for the rule and SDL that graphql-js builds but validateSchema finds fault with (or not).</summary>
    public static readonly TheoryData<string, string> Cases = new()
    {
        { "query root missing", "type Mutation { a: Int }" },
        { "directive name reserved", "directive @__d on FIELD type Query { a: Int }" },
        { "directive argument name reserved", "directive @d(__a: Int) on FIELD type Query { a: Int }" },
        { "directive argument of output type", "directive @d(a: Query) on FIELD type Query { a: Int }" },
        { "directive argument required and deprecated", "directive @d(a: Int! @deprecated) on FIELD type Query { a: Int }" },
        { "directive argument required with default may be deprecated", "directive @d(a: Int! = 1 @deprecated) on FIELD type Query { a: Int }" },
        { "type name reserved", "type Query { a: __Foo } type __Foo { b: Int }" },
        { "field name reserved", "type Query { __a: Int }" },
        { "argument name reserved", "type Query { a(__x: Int): Int }" },
        { "enum value name reserved", "type Query { a: E } enum E { __V }" },
        { "input field name reserved", "type Query { a(i: I): Int } input I { __x: Int }" },
        { "object without fields", "type Query { a: Empty } type Empty" },
        { "object without fields, extended", "directive @d on OBJECT type Query { a: Empty } type Empty extend type Empty @d" },
        { "interface without fields", "type Query { a: I } interface I" },
        { "field of input type", "type Query { a: In } input In { x: Int }" },
        { "argument of output type", "type Query { a(x: Query): Int }" },
        { "argument required and deprecated", "type Query { a(x: Int! @deprecated(reason: \"no\")): Int }" },
        { "argument required with default may be deprecated", "type Query { a(x: Int! = 1 @deprecated): Int }" },
        { "interface implemented twice", "type Query implements I & I { a: Int } interface I { a: Int }" },
        { "interface field missing", "type Query implements I { a: Int } interface I { a: Int b: String }" },
        { "interface field missing, extended", "type Query implements I { a: Int } extend type Query { c: Int } interface I { a: Int b: String }" },
        { "interface field of another type", "type Query implements I { a: String } interface I { a: Int }" },
        { "interface field covariant types", "type Query implements I { a: [T!]! t: T } interface I { a: [I] t: I } type T implements I { a: [T] t: T }" },
        { "interface field argument missing", "type Query implements I { a: Int } interface I { a(x: Int): Int }" },
        { "interface field argument of another type", "type Query implements I { a(x: Int!): Int } interface I { a(x: Int): Int }" },
        { "object field extra required argument", "type Query implements I { a(x: Int, y: Int!, z: Int): Int } interface I { a(x: Int): Int }" },
        { "object field extra optional arguments", "type Query implements I { a(x: Int, y: Int, z: Int! = 3): Int } interface I { a(x: Int): Int }" },
        { "transitive interface not declared", "type Query implements B { a: Int } interface B implements A { a: Int } interface A { a: Int }" },
        { "transitive interface declared", "type Query implements B & A { a: Int } interface B implements A { a: Int } interface A { a: Int }" },
        { "interface implementing itself", "type Query { a: I } interface I implements I { a: Int }" },
        { "interfaces implementing each other", "type Query { a: A } interface A implements B { a: Int } interface B implements A { a: Int }" },
        { "union without members", "type Query { a: U } union U" },
        { "union member twice", "type Query { a: U } union U = Query | Query" },
        { "union member twice, extended", "type Query { a: U } union U = Query extend union U = Query" },
        { "enum without values", "type Query { a: E } enum E" },
        { "input without fields", "type Query { a(i: I): Int } input I" },
        { "input field of output type", "type Query { a(i: I): Int } input I { q: Query }" },
        { "input field required and deprecated", "type Query { a(i: I): Int } input I { x: Int! @deprecated }" },
        { "input field required with default may be deprecated", "type Query { a(i: I): Int } input I { x: Int! = 1 @deprecated }" },
        { "input self-reference through non-null fields", "type Query { a(i: A): Int } input A { b: B! } input B { c: C! } input C { a: A! }" },
        { "input self-reference, directly", "type Query { a(i: A): Int } input A { self: A! x: Int }" },
        { "input self-reference through nullable or list fields", "type Query { a(i: A): Int } input A { b: A, c: [A!]!, d: B! } input B { a: [A!]! }" },
        { "oneOf field non-null", "type Query { a(i: I): Int } input I @oneOf { a: Int!, b: String }" },
        { "oneOf field default", "type Query { a(i: I): Int } input I @oneOf { a: Int = 1, b: String }" },
        { "valid schema", "type Query { a(i: I): U } input I @oneOf { a: Int, b: String } union U = Query interface N { a(i: I): U } type T implements N { a(i: I): U }" },
    };

    private static readonly Lazy<Dictionary<string, JsonElement>> Expected = new(() =>
    {
        var names = Cases.Select(row => (string)row[0]).ToList();
        var texts = Cases.Select(row => (string)row[1]).ToList();
        var output = NodeRunner.Run("schema/validate-schema.js", JsonSerializer.Serialize(texts));
        var results = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        return names.Zip(results).ToDictionary(pair => pair.First, pair => pair.Second.Clone());
    });

    /// <summary>Builds the schema from SDL without any check, as graphql-js's buildSchema does.</summary>
    private static Schema BuildUnchecked(string sdl)
    {
        var problems = new List<GraphQLError>();
        var factory = new SdlTypeFactory(Parser.Parse(sdl), new Dictionary<string, ScalarType>(), problems);
        factory.BuildTypes();
        factory.ComputeDefaultValues();
        Assert.Empty(problems);
        return factory.CreateSchema();
    }

    private static string Describe(IEnumerable<(string Message, IEnumerable<string> Locations)> errors) =>
        string.Join("\n", errors.Select(e => e.Message + " @ " + string.Join(" ", e.Locations)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_what_graphql_js_finds(string rule, string sdl)
    {
        var expected = Expected.Value[rule];
        Assert.False(expected.TryGetProperty("thrown", out var thrown), $"graphql-js refused the SDL of \"{rule}\": {thrown}");
        var expectedErrors = expected.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("message").GetString()!, e.GetProperty("locations").EnumerateArray().Select(l => l.GetString()!)));
        var actualErrors = SchemaValidator.Validate(BuildUnchecked(sdl))
            .Select(e => (e.Message, e.Locations?.Select(l => $"{l.Line}:{l.Column}") ?? []));
        Assert.Equal(Describe(expectedErrors), Describe(actualErrors));
    }

    [Fact]
    public void The_oracle_finds_errors_where_expected()
    {
        // Guards the live comparison: graphql-js must report something for the broken cases and nothing for valid ones.
        Assert.Equal(
            "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.c.a\".",
            Expected.Value["input self-reference through non-null fields"].GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(0, Expected.Value["valid schema"].GetProperty("errors").GetArrayLength());
        Assert.Equal(
            "Interface field I.a expects type Int but Query.a is type String.",
            SchemaValidator.Validate(BuildUnchecked("type Query implements I { a: String } interface I { a: Int }"))[0].Message);
    }

    [Fact]
    public void Directive_without_locations()
    {
        var directive = new DirectiveDefinition("empty", []);
        var query = new ObjectType("Query");
        query.SetFields([new FieldDefinition("a", SpecifiedScalars.Int)]);
        var errors = SchemaValidator.Validate(new Schema(query, directives: [directive]));
        Assert.Equal(["Directive @empty must include 1 or more locations."], errors.Select(e => e.Message));
    }

    [Fact]
    public void Enum_values_named_true_false_or_null()
    {
        var enumType = new EnumType("E");
        enumType.SetValues([new EnumValueDefinition("true", true), new EnumValueDefinition("null", "null"), new EnumValueDefinition("OK", "OK")]);
        var query = new ObjectType("Query");
        query.SetFields([new FieldDefinition("e", enumType)]);
        var errors = SchemaValidator.Validate(new Schema(query));
        Assert.Equal(["Enum type E cannot include value: true.", "Enum type E cannot include value: null."], errors.Select(e => e.Message));
    }

    [Fact]
    public void Results_are_computed_once_per_schema()
    {
        var schema = BuildUnchecked("type Query { a: Int }");
        Assert.Same(SchemaValidator.Validate(schema), SchemaValidator.Validate(schema));
        Assert.Empty(SchemaValidator.Validate(schema));
    }

    [Fact]
    public void AssertValid_throws_with_every_message()
    {
        var schema = BuildUnchecked("type Query { a: E b: U } enum E union U");
        var exception = Assert.Throws<InvalidOperationException>(() => SchemaValidator.AssertValid(schema));
        Assert.Equal("Enum type E must define one or more values.\n\nUnion type U must define one or more member types.", exception.Message);
    }
}
