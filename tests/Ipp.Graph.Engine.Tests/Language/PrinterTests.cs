using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Engine.Tests.Language;

/// <summary>Printing; every expected text is what graphql-js 16.15's print() gives for the same parsed document.</summary>
public sealed class PrinterTests
{
    /// <summary>The fixtures' .printed.graphql files hold graphql-js's print of the .graphql files beside them.</summary>
    [Theory]
    [InlineData("kitchen-sink-query")]
    [InlineData("kitchen-sink-sdl")]
    [InlineData("descriptions-and-escapes")]
    public void Prints_documents_exactly_as_graphql_js_does(string fixture)
    {
        var expected = ReadFixture(fixture + ".printed.graphql");

        Assert.Equal(expected, Printer.Print(Parser.Parse(ReadFixture(fixture + ".graphql"))));
        Assert.Equal(expected, Printer.Print(Parser.Parse(expected)));
    }

    [Theory]
    [InlineData("{ a }", "{\n  a\n}")]
    [InlineData("query { a }", "{\n  a\n}")]
    [InlineData("query Q { a }", "query Q {\n  a\n}")]
    [InlineData("query ($a: Int) { a }", "query ($a: Int) {\n  a\n}")]
    [InlineData("query @d { a }", "query @d {\n  a\n}")]
    [InlineData("mutation { a }", "mutation {\n  a\n}")]
    [InlineData("subscription S { a }", "subscription S {\n  a\n}")]
    [InlineData("query Q($a: Int = 1 @d, $b: [String!]! = [\"x\"]) @q(x: $a) { a }", "query Q($a: Int = 1 @d, $b: [String!]! = [\"x\"]) @q(x: $a) {\n  a\n}")]
    [InlineData("query Q(\"described\" $a: Int, $b: Int) { a }", "query Q(\n\"described\"\n$a: Int\n$b: Int\n) {\n  a\n}")]
    [InlineData("query Q($a: String = \"\"\"multi\nline\"\"\") { a }", "query Q(\n$a: String = \"\"\"\nmulti\nline\n\"\"\"\n) {\n  a\n}")]
    [InlineData("\"op\" query { a }", "\"op\"\nquery {\n  a\n}")]
    [InlineData("\"\"\"op\nlines\"\"\" mutation M { a }", "\"\"\"\nop\nlines\n\"\"\"\nmutation M {\n  a\n}")]
    [InlineData("{ ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff(a: 1, b: 2) }", "{\n  ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff(a: 1, b: 2)\n}")]
    [InlineData("{ ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffg(a: 1, b: 2) }", "{\n  ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffg(\n    a: 1\n    b: 2\n  )\n}")]
    [InlineData("{ x: fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff(a: 1, b: 2) { y } }", "{\n  x: fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff(a: 1, b: 2) {\n    y\n  }\n}")]
    [InlineData("{ a(x: \"\"\"block\n  with lines\"\"\") { b(y: \"\"\"\n    nested\n\n    lines\n    \"\"\") } }", "{\n  a(x: \"\"\"\n  block\n  with lines\n  \"\"\") {\n    b(y: \"\"\"\n    nested\n    \n    lines\n    \"\"\")\n  }\n}")]
    [InlineData("{ ...F @d ... on T @e { a } ... @f { b } ... { c } }", "{\n  ...F @d\n  ... on T @e {\n    a\n  }\n  ... @f {\n    b\n  }\n  ... {\n    c\n  }\n}")]
    [InlineData("fragment F on T @d(a: 1) { a(b: [1, 2.5, \"s\", E, null, true, false, $v, {x: {y: []}}, {}]) }", "fragment F on T @d(a: 1) {\n  a(b: [1, 2.5, \"s\", E, null, true, false, $v, {x: {y: []}}, {}])\n}")]
    [InlineData("\"frag\" fragment F on T { a }", "\"frag\"\nfragment F on T {\n  a\n}")]
    [InlineData("{ s(a: \"quote \\\" slash \\\\ \\/ \\b\\f\\n\\r\\t \\u0000 \\u001F \\u007F \\u0080 \\u009F \\u00A0 \u00E9 \uD83D\uDE00\") }", "{\n  s(a: \"quote \\\" slash \\\\ / \\b\\f\\n\\r\\t \\u0000 \\u001F \\u007F \\u0080 \\u009F \u00A0 \u00E9 \uD83D\uDE00\")\n}")]
    [InlineData("schema @d { query: Q mutation: M subscription: S }", "schema @d {\n  query: Q\n  mutation: M\n  subscription: S\n}")]
    [InlineData("\"\"\"schema\"\"\" schema { query: Q }", "\"\"\"schema\"\"\"\nschema {\n  query: Q\n}")]
    [InlineData("scalar S", "scalar S")]
    [InlineData("scalar S @a @b(c: 1)", "scalar S @a @b(c: 1)")]
    [InlineData("\"s\" scalar S", "\"s\"\nscalar S")]
    [InlineData("type T", "type T")]
    [InlineData("type T implements A & B @d { a: Int b(x: Int = 1 @d, y: [T!]!): [T] @e }", "type T implements A & B @d {\n  a: Int\n  b(x: Int = 1 @d, y: [T!]!): [T] @e\n}")]
    [InlineData("type T { f(\"described\" a: Int, b: Int): Int }", "type T {\n  f(\n    \"described\"\n    a: Int\n    b: Int\n  ): Int\n}")]
    [InlineData("type T { \"\"\"field\ndescription\"\"\" f(a: Int = \"\"\"x\ny\"\"\"): Int }", "type T {\n  \"\"\"\n  field\n  description\n  \"\"\"\n  f(\n    a: Int = \"\"\"\n    x\n    y\n    \"\"\"\n  ): Int\n}")]
    [InlineData("interface I implements J { f: Int }", "interface I implements J {\n  f: Int\n}")]
    [InlineData("union U = A | B", "union U = A | B")]
    [InlineData("union U @d = | A", "union U @d = A")]
    [InlineData("union U", "union U")]
    [InlineData("enum E { A @d \"b\" B \"\"\"c\"\"\" C }", "enum E {\n  A @d\n  \"b\"\n  B\n  \"\"\"c\"\"\"\n  C\n}")]
    [InlineData("input I { a: Int = 1 @d \"b\" b: [I!] }", "input I {\n  a: Int = 1 @d\n  \"b\"\n  b: [I!]\n}")]
    [InlineData("directive @d(a: Int) repeatable on FIELD | QUERY", "directive @d(a: Int) repeatable on FIELD | QUERY")]
    [InlineData("directive @d(\"a\" a: Int) on FIELD", "directive @d(\n  \"a\"\n  a: Int\n) on FIELD")]
    [InlineData("\"\"\"d\"\"\" directive @d on | FIELD", "\"\"\"d\"\"\"\ndirective @d on FIELD")]
    [InlineData("extend schema @d", "extend schema @d")]
    [InlineData("extend schema { query: Q }", "extend schema {\n  query: Q\n}")]
    [InlineData("extend scalar S @d", "extend scalar S @d")]
    [InlineData("extend type T implements I @d { f: Int }", "extend type T implements I @d {\n  f: Int\n}")]
    [InlineData("extend type T @d", "extend type T @d")]
    [InlineData("extend interface I implements J", "extend interface I implements J")]
    [InlineData("extend interface I { f: Int }", "extend interface I {\n  f: Int\n}")]
    [InlineData("extend union U @d = C", "extend union U @d = C")]
    [InlineData("extend enum E @d { A }", "extend enum E @d {\n  A\n}")]
    [InlineData("extend input I @d { a: Int }", "extend input I @d {\n  a: Int\n}")]
    [InlineData("{ a } { b } type T", "{\n  a\n}\n\n{\n  b\n}\n\ntype T")]
    public void Prints_each_construct_as_graphql_js_does(string text, string expected)
    {
        Assert.Equal(expected, Printer.Print(Parser.Parse(text)));
    }

    [Theory]
    [InlineData("{a: [1, 2.5e3, \"s\", E, null, true, $v], b: {}}", "{a: [1, 2.5e3, \"s\", E, null, true, $v], b: {}}")]
    [InlineData("\"\"\"  block\"\"\"", "\"\"\"  block\"\"\"")]
    [InlineData("[]", "[]")]
    public void Prints_values(string text, string expected)
    {
        Assert.Equal(expected, Printer.Print(Parser.ParseValue(text)));
    }

    [Theory]
    [InlineData("T", "T")]
    [InlineData("[ [T!] ]!", "[[T!]]!")]
    public void Prints_types(string text, string expected)
    {
        Assert.Equal(expected, Printer.Print(Parser.ParseType(text)));
    }

    [Fact]
    public void Prints_trees_built_in_code()
    {
        var document = new DocumentNode
        {
            Definitions =
            [
                new OperationDefinitionNode
                {
                    Operation = OperationType.Mutation,
                    Name = new NameNode("M"),
                    SelectionSet = new SelectionSetNode
                    {
                        Selections =
                        [
                            new FieldNode
                            {
                                Name = new NameNode("f"),
                                Arguments = [new ArgumentNode { Name = new NameNode("a"), Value = new StringValueNode { Value = "x\ny" } }],
                            },
                        ],
                    },
                },
            ],
        };

        Assert.Equal("mutation M {\n  f(a: \"x\\ny\")\n}", Printer.Print(document));
        Assert.Equal("M", Printer.Print(new NameNode("M")));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote \" slash \\ /", "\"quote \\\" slash \\\\ /\"")]
    [InlineData("\b\f\n\r\t\u0000\u001F\u007F\u009F\u00A0\u00E9", "\"\\b\\f\\n\\r\\t\\u0000\\u001F\\u007F\\u009F\u00A0\u00E9\"")]
    public void Prints_strings_with_graphql_js_escapes(string value, string expected)
    {
        Assert.Equal(expected, Printer.PrintString(value));
    }

    private static string ReadFixture(string name) => File.ReadAllText(RepositoryPaths.Combine("tests", "Ipp.Graph.Engine.Tests", "Language", "Fixtures", name));
}
