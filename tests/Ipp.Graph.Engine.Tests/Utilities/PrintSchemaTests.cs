using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Engine.Utilities;

namespace Ipp.Graph.Engine.Tests.Utilities;

/// <summary>PrintSchema against graphql-js's printSchema(buildSchema(sdl)), compared live (tests/js/schema/print-schema.js).</summary>
public class PrintSchemaTests
{
    private const string RichSdl = """"
        """
        The schema's own description
        """
        schema { query: Root mutation: Change subscription: Events }

        "Marks a field as needing a role"
        directive @auth(
          "The role"
          role: Kind = A
          scopes: [String!] = ["read"]
        ) repeatable on FIELD_DEFINITION | OBJECT

        directive @tag(name: String!) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE | SCALAR

        """
        Multi-line description
        with "quotes" and \ backslash
          and indentation
        """
        type Root implements Node & Named @auth {
          id: ID!
          name: String @deprecated
          "single line"
          search(
            "what to find"
            text: String! = "x\ty"
            limit: Int = 10
            after: Cursor
            filter: Filter = {kinds: [A, B]}
          ): [Result!]! @deprecated(reason: "use \"find\"")
          find(text: String, old: Int @deprecated(reason: "gone")): Result
          float(f: Float = 1, g: Float = 2.5e10, big: Float = 1e30, small: Float = 0.000001): Float
          ids(i: ID = 123, s: ID = "abc", l: [ID] = 1): [ID]
          bool(b: Boolean = false, n: String = null, e: Kind = B, le: [Kind!] = [A]): Boolean
        }

        type Change { do(x: Int): Int }
        type Events { tick: Int }
        interface Node { id: ID! }
        interface Named implements Node { id: ID! name: String }
        union Result = Root | Change
        "A kind"
        enum Kind { A "the B" B @deprecated C @deprecated(reason: "no C") }
        input Filter @oneOf { kinds: [Kind!], nested: Nested }
        input Nested {
          deep: Float = 3
          "described"
          text: String @deprecated(reason: "old")
          list: [[Int]] = [[1], [2, 3]]
        }
        scalar Cursor @specifiedBy(url: "https://example.com/cursor")
        "Described scalar" scalar Other
        extend type Change { undo: Boolean }
        extend enum Kind { D }
        """";

    private const string PlainSdl = """
        type Query { me: User, "" empty: String }
        type User { id: ID! friends(first: Int = 10): [User] }
        type Mutation { rename(name: String!): User }
        """;

    /// <summary>Directives applied at every place SDL allows them on a type system element, extensions included.</summary>
    private const string AppliedSdl = """
        directive @rule(name: String, roles: [String!], level: Level! = LOW) repeatable on OBJECT | INTERFACE | FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_OBJECT | INPUT_FIELD_DEFINITION | ENUM | ENUM_VALUE | UNION | SCALAR
        directive @open on FIELD_DEFINITION

        "Levels"
        enum Level @rule { LOW @rule(name: "low") HIGH @deprecated @rule }
        type Query @rule(name: "q") @rule(roles: ["A", "B"], level: HIGH) {
          me: User @open
          "described"
          find(
            "what"
            text: String = "x" @rule(name: "t")
            old: Int @deprecated(reason: "gone") @rule
          ): [Result!]! @rule(name: "find") @deprecated @rule
          plain: Int
        }
        interface Named @rule { name: String @rule }
        type User implements Named { name: String @open id: ID }
        union Result @rule(name: "r") = User
        input Filter @oneOf @rule { a: Int @rule(name: "a") b: String }
        scalar Stamp @specifiedBy(url: "https://example.com/stamp") @rule
        extend type User @rule(name: "extended")
        extend type Query { more(n: Int @rule): Int @open }
        """;

    private sealed class PassThrough(string name) : ScalarType(name)
    {
        public override object Serialize(object value) => value;

        public override object ParseValue(object value) => value;

        public override object ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => Printer.Print(literal);
    }

    private static Schema Build(string sdl, params string[] scalars)
    {
        var builder = SchemaBuilder.FromSdl(sdl).UseDefaultResolver(_ => new ValueTask<object?>((object?)null));
        foreach (var scalar in scalars)
        {
            builder.AddScalar(new PassThrough(scalar));
        }

        if (sdl.Contains("subscription: Events", StringComparison.Ordinal))
        {
            builder.Subscribe("Events.tick", _ => throw new InvalidOperationException());
        }

        return builder.Build();
    }

    [Fact]
    public void Prints_a_rich_schema_as_graphql_js_does()
    {
        var expected = NodeRunner.Run("schema/print-schema.js", RichSdl);
        Assert.Contains("schema {", expected, StringComparison.Ordinal);
        Assert.Equal(expected, PrintSchema.Print(Build(RichSdl, "Cursor", "Other")));
    }

    [Fact]
    public void Prints_a_schema_with_default_root_names_without_a_schema_definition()
    {
        var expected = NodeRunner.Run("schema/print-schema.js", PlainSdl);
        Assert.StartsWith("type Query {", expected, StringComparison.Ordinal);
        Assert.Equal(expected, PrintSchema.Print(Build(PlainSdl)));
    }

    [Fact]
    public void Prints_what_the_documentation_shows()
    {
        var schema = Build("type Query { a(x: Int = 1 @deprecated): String @deprecated(reason: \"Use b\") } input I @oneOf { a: Int }");
        Assert.Equal(
            """
            type Query {
              a(x: Int = 1 @deprecated): String @deprecated(reason: "Use b")
            }

            input I @oneOf {
              a: Int
            }
            """,
            PrintSchema.Print(schema));
    }

    [Fact]
    public void Prints_the_applied_directives_where_the_SDL_applied_them_as_graphql_js_reads_them()
    {
        var printed = PrintSchema.Print(Build(AppliedSdl, "Stamp"), appliedDirectives: true);

        var written = NodeRunner.Run("schema/applied-directives.js", AppliedSdl);
        Assert.Equal(written, NodeRunner.Run("schema/applied-directives.js", printed));
        Assert.Equal(18, System.Text.Json.JsonDocument.Parse(written).RootElement.EnumerateObject().Count());
        // Printing what was printed changes nothing.
        Assert.Equal(printed, PrintSchema.Print(Build(printed, "Stamp"), appliedDirectives: true));
    }

    [Fact]
    public void Prints_applied_directives_after_those_of_the_type_system_as_HotChocolate_exports_them()
    {
        var schema = Build("""
            directive @authorize(policy: String) repeatable on OBJECT | FIELD_DEFINITION
            directive @allowAnonymous repeatable on FIELD_DEFINITION
            type Query @authorize { a(x: Int = 1 @deprecated): String @deprecated(reason: "Use b") @authorize(policy: "read") b: Int @allowAnonymous }
            extend type Query @authorize(policy: "more")
            """);

        Assert.Equal(
            """
            directive @authorize(policy: String) repeatable on OBJECT | FIELD_DEFINITION

            directive @allowAnonymous repeatable on FIELD_DEFINITION

            type Query @authorize @authorize(policy: "more") {
              a(x: Int = 1 @deprecated): String @deprecated(reason: "Use b") @authorize(policy: "read")
              b: Int @allowAnonymous
            }
            """,
            PrintSchema.Print(schema, appliedDirectives: true));
        Assert.DoesNotContain("@authorize", PrintSchema.Print(schema).Replace("directive @authorize", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
