using Ipp.Graph.Engine.Language;

namespace Ipp.Graph.Engine.Tests.Language;

/// <summary>Block-string dedent and printing; expected values are graphql-js 16.15's dedentBlockStringLines, isPrintableAsBlockString and printBlockString.</summary>
public sealed class BlockStringTests
{
    [Theory]
    [InlineData(new[] { "" }, new string[0])]
    [InlineData(new[] { "", " ", "  " }, new string[0])]
    [InlineData(new[] { "  a", "    b", "      c" }, new[] { "  a", "b", "  c" })]
    [InlineData(new[] { "", "  a", "    b", "" }, new[] { "a", "  b" })]
    [InlineData(new[] { "first", "  second", "    third" }, new[] { "first", "second", "  third" })]
    [InlineData(new[] { "\t\tx", "\t\t\ty", "\t\tz" }, new[] { "\t\tx", "\ty", "z" })]
    [InlineData(new[] { " ", "x", " " }, new[] { "x" })]
    [InlineData(new[] { "a", "", "  b", "   ", "    c" }, new[] { "a", "", "b", " ", "  c" })]
    [InlineData(new[] { "  both", "  same" }, new[] { "  both", "same" })]
    [InlineData(new[] { "x", "  y", "\t z" }, new[] { "x", "y", "z" })]
    public void Dedents_lines_as_graphql_js_does(string[] lines, string[] expected)
    {
        Assert.Equal(expected, BlockString.DedentLines(lines));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(" a", true)]
    [InlineData("a\nb", true)]
    [InlineData("\na", false)]
    [InlineData("a\n", false)]
    [InlineData("a\n ", false)]
    [InlineData("  a\n  b", false)]
    [InlineData("  a\nb", true)]
    [InlineData("a\rb", false)]
    [InlineData("a\u0000", false)]
    [InlineData("a\u0007b", false)]
    [InlineData("a\tb", true)]
    [InlineData("\t", false)]
    [InlineData(" ", false)]
    [InlineData("a\n\n  b", true)]
    [InlineData("\u000Bx", false)]
    [InlineData("\uD83D\uDE00", true)]
    [InlineData("a\n  \nb", true)]
    public void Tells_whether_a_value_is_printable_as_a_block_string(string value, bool printable)
    {
        Assert.Equal(printable, BlockString.IsPrintableAsBlockString(value));
    }

    [Theory]
    [InlineData("", "\"\"\"\"\"\"", "\"\"\"\"\"\"")]
    [InlineData("a", "\"\"\"a\"\"\"", "\"\"\"a\"\"\"")]
    [InlineData(" leading", "\"\"\" leading\"\"\"", "\"\"\" leading\"\"\"")]
    [InlineData("trailing ", "\"\"\"trailing \"\"\"", "\"\"\"trailing \"\"\"")]
    [InlineData("a\nb", "\"\"\"\na\nb\n\"\"\"", "\"\"\"a\nb\"\"\"")]
    [InlineData("\nleading newline", "\"\"\"\n\nleading newline\n\"\"\"", "\"\"\"\nleading newline\"\"\"")]
    [InlineData("trailing newline\n", "\"\"\"\ntrailing newline\n\n\"\"\"", "\"\"\"\ntrailing newline\n\"\"\"")]
    [InlineData("ends with \"", "\"\"\"\nends with \"\n\"\"\"", "\"\"\"ends with \"\n\"\"\"")]
    [InlineData("ends with \\", "\"\"\"\nends with \\\n\"\"\"", "\"\"\"ends with \\\n\"\"\"")]
    [InlineData("has \"\"\" inside", "\"\"\"has \\\"\"\" inside\"\"\"", "\"\"\"has \\\"\"\" inside\"\"\"")]
    [InlineData("ends with \"\"\"", "\"\"\"\nends with \\\"\"\"\n\"\"\"", "\"\"\"ends with \\\"\"\"\"\"\"")]
    [InlineData("  indented\n  lines", "\"\"\"\n  indented\n  lines\n\"\"\"", "\"\"\"\n  indented\n  lines\"\"\"")]
    [InlineData("line\n  indented next", "\"\"\"\nline\n  indented next\n\"\"\"", "\"\"\"\nline\n  indented next\"\"\"")]
    [InlineData("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "\"\"\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"\"\"", "\"\"\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"\"\"")]
    [InlineData("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "\"\"\"\nyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n\"\"\"", "\"\"\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"\"\"")]
    [InlineData("a\r\nb", "\"\"\"\na\r\nb\n\"\"\"", "\"\"\"a\r\nb\"\"\"")]
    [InlineData("a\rb", "\"\"\"\na\rb\n\"\"\"", "\"\"\"a\rb\"\"\"")]
    [InlineData("\"\"\"", "\"\"\"\n\\\"\"\"\n\"\"\"", "\"\"\"\\\"\"\"\"\"\"")]
    [InlineData("\t tab start", "\"\"\"\t tab start\"\"\"", "\"\"\"\t tab start\"\"\"")]
    [InlineData("first\n\nthird", "\"\"\"\nfirst\n\nthird\n\"\"\"", "\"\"\"first\n\nthird\"\"\"")]
    [InlineData(" a\nb", "\"\"\"\n a\nb\n\"\"\"", "\"\"\" a\nb\"\"\"")]
    public void Prints_block_strings_as_graphql_js_does(string value, string printed, string minimized)
    {
        Assert.Equal(printed, BlockString.Print(value));
        Assert.Equal(minimized, BlockString.Print(value, minimize: true));
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("  indented first\nsecond")]
    [InlineData("a\n\n  b\n    c")]
    [InlineData("quotes \"\"\" and \\ slashes \"")]
    [InlineData("trailing space ")]
    public void Printed_block_strings_read_back_as_the_same_value(string value)
    {
        Assert.True(BlockString.IsPrintableAsBlockString(value));
        var token = new Lexer(new Source(BlockString.Print(value))).Advance();

        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal(value, token.Value);
    }
}
