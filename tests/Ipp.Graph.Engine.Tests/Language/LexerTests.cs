using Ipp.Graph.Engine.Language;

namespace Ipp.Graph.Engine.Tests.Language;

public sealed class LexerTests
{
    [Fact]
    public void Starts_on_start_of_file_and_stays_on_end_of_file()
    {
        var lexer = new Lexer(new Source("a"));
        Assert.Equal(TokenKind.Sof, lexer.Token.Kind);
        Assert.Equal((0, 0), (lexer.Token.Start, lexer.Token.End));

        Assert.Equal(TokenKind.Name, lexer.Advance().Kind);
        var end = lexer.Advance();
        Assert.Equal(TokenKind.Eof, end.Kind);
        Assert.Equal((1, 1), (end.Start, end.End));
        Assert.Equal(TokenKind.Eof, lexer.Advance().Kind);
        Assert.Equal(TokenKind.Eof, lexer.Lookahead().Kind);
    }

    [Fact]
    public void Skips_byte_order_marks_white_space_commas_line_terminators_and_comments()
    {
        const string body = "\uFEFF \t,,\r\n# a comment { with tokens }\r  # another\n\uFEFF  foo # trailing";
        var lexer = new Lexer(new Source(body));
        var token = lexer.Advance();
        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal("foo", token.Value);
        Assert.Equal(body.IndexOf("foo", StringComparison.Ordinal), token.Start);
        Assert.Equal(TokenKind.Eof, lexer.Advance().Kind);
    }

    [Theory]
    [InlineData("!", TokenKind.Bang)]
    [InlineData("$", TokenKind.Dollar)]
    [InlineData("&", TokenKind.Amp)]
    [InlineData("(", TokenKind.ParenL)]
    [InlineData(")", TokenKind.ParenR)]
    [InlineData("...", TokenKind.Spread)]
    [InlineData(":", TokenKind.Colon)]
    [InlineData("=", TokenKind.Equals)]
    [InlineData("@", TokenKind.At)]
    [InlineData("[", TokenKind.BracketL)]
    [InlineData("]", TokenKind.BracketR)]
    [InlineData("{", TokenKind.BraceL)]
    [InlineData("|", TokenKind.Pipe)]
    [InlineData("}", TokenKind.BraceR)]
    public void Reads_punctuators(string text, TokenKind kind)
    {
        var token = new Lexer(new Source(" " + text + " ")).Advance();
        Assert.Equal(kind, token.Kind);
        Assert.Equal(1, token.Start);
        Assert.Equal(1 + text.Length, token.End);
        Assert.Null(token.Value);
        Assert.Equal(text, token.Text.ToString());
    }

    [Theory]
    [InlineData("a", "a")]
    [InlineData("_", "_")]
    [InlineData("__typename", "__typename")]
    [InlineData("Az_09zZ", "Az_09zZ")]
    [InlineData("name.next", "name")]
    [InlineData("a-b", "a")]
    [InlineData("ab\u00E9", "ab")]
    public void Reads_names(string body, string name)
    {
        var token = new Lexer(new Source(body)).Advance();
        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal(name, token.Value);
        Assert.Equal((0, name.Length), (token.Start, token.End));
        Assert.True(token.IsName(name));
        Assert.False(token.IsName(name + "x"));
    }

    [Theory]
    [InlineData("4", TokenKind.Int)]
    [InlineData("-4", TokenKind.Int)]
    [InlineData("0", TokenKind.Int)]
    [InlineData("-0", TokenKind.Int)]
    [InlineData("9007199254740993", TokenKind.Int)]
    [InlineData("4.123", TokenKind.Float)]
    [InlineData("-4.123", TokenKind.Float)]
    [InlineData("0.123", TokenKind.Float)]
    [InlineData("123e4", TokenKind.Float)]
    [InlineData("123E4", TokenKind.Float)]
    [InlineData("123e-4", TokenKind.Float)]
    [InlineData("123e+4", TokenKind.Float)]
    [InlineData("-1.123e4", TokenKind.Float)]
    [InlineData("-1.123E4", TokenKind.Float)]
    [InlineData("-1.123e-4", TokenKind.Float)]
    [InlineData("-1.123e+4", TokenKind.Float)]
    [InlineData("-1.123e4567", TokenKind.Float)]
    [InlineData("0e0", TokenKind.Float)]
    public void Reads_numbers_as_written(string text, TokenKind kind)
    {
        var lexer = new Lexer(new Source(text + ")"));
        var token = lexer.Advance();
        Assert.Equal(kind, token.Kind);
        Assert.Equal(text, token.Value);
        Assert.Equal((0, text.Length), (token.Start, token.End));
        Assert.Equal(TokenKind.ParenR, lexer.Advance().Kind);
    }

    // Expected values and offsets as graphql-js 16.15's lexer gives them.
    [Theory]
    [InlineData("\"\"", TokenKind.String, "", 0, 2)]
    [InlineData("\"simple\"", TokenKind.String, "simple", 0, 8)]
    [InlineData("\" white space \"", TokenKind.String, " white space ", 0, 15)]
    [InlineData("\"quote \\\"\"", TokenKind.String, "quote \"", 0, 10)]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\"", TokenKind.String, "escaped \n\r\u0008\t\u000C", 0, 20)]
    [InlineData("\"slashes \\\\ \\/\"", TokenKind.String, "slashes \\ /", 0, 15)]
    [InlineData("\"unescaped unicode outside BMP \uD83D\uDE00\"", TokenKind.String, "unescaped unicode outside BMP \uD83D\uDE00", 0, 34)]
    [InlineData("\"unescaped maximal unicode outside BMP \uDBFF\uDFFF\"", TokenKind.String, "unescaped maximal unicode outside BMP \uDBFF\uDFFF", 0, 42)]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", TokenKind.String, "unicode \u1234\u5678\u90AB\uCDEF", 0, 34)]
    [InlineData("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", TokenKind.String, "unicode \u1234\u5678\u90AB\uCDEF", 0, 42)]
    [InlineData("\"string with unicode escape outside BMP \\u{1F600}\"", TokenKind.String, "string with unicode escape outside BMP \uD83D\uDE00", 0, 50)]
    [InlineData("\"string with minimal unicode escape \\u{0}\"", TokenKind.String, "string with minimal unicode escape \u0000", 0, 42)]
    [InlineData("\"string with maximal unicode escape \\u{10FFFF}\"", TokenKind.String, "string with maximal unicode escape \uDBFF\uDFFF", 0, 47)]
    [InlineData("\"string with maximal minimal unicode escape \\u{00000000}\"", TokenKind.String, "string with maximal minimal unicode escape \u0000", 0, 57)]
    [InlineData("\"string with unicode surrogate pair escape \\uD83D\\uDE00\"", TokenKind.String, "string with unicode surrogate pair escape \uD83D\uDE00", 0, 56)]
    [InlineData("\"string with minimal surrogate pair escape \\uD800\\uDC00\"", TokenKind.String, "string with minimal surrogate pair escape \uD800\uDC00", 0, 56)]
    [InlineData("\"string with maximal surrogate pair escape \\uDBFF\\uDFFF\"", TokenKind.String, "string with maximal surrogate pair escape \uDBFF\uDFFF", 0, 56)]
    [InlineData("\"control \u0007 character\"", TokenKind.String, "control \u0007 character", 0, 21)]
    [InlineData("\"\\u{1F600}\"  ", TokenKind.String, "\uD83D\uDE00", 0, 11)]
    [InlineData("\"\"\"\"\"\"", TokenKind.BlockString, "", 0, 6)]
    [InlineData("\"\"\"simple\"\"\"", TokenKind.BlockString, "simple", 0, 12)]
    [InlineData("\"\"\" white space \"\"\"", TokenKind.BlockString, " white space ", 0, 19)]
    [InlineData("\"\"\"contains \" quote\"\"\"", TokenKind.BlockString, "contains \" quote", 0, 22)]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", TokenKind.BlockString, "contains \"\"\" triple quote", 0, 32)]
    [InlineData("\"\"\"multi\nline\"\"\"", TokenKind.BlockString, "multi\nline", 0, 16)]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", TokenKind.BlockString, "multi\nline\nnormalized", 0, 28)]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", TokenKind.BlockString, "unescaped \\n\\r\\b\\t\\f\\u1234", 0, 32)]
    [InlineData("\"\"\"unescaped unicode outside BMP \uD83D\uDE00\"\"\"", TokenKind.BlockString, "unescaped unicode outside BMP \uD83D\uDE00", 0, 38)]
    [InlineData("\"\"\"slashes \\\\ \\/\"\"\"", TokenKind.BlockString, "slashes \\\\ \\/", 0, 19)]
    [InlineData("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"", TokenKind.BlockString, "spans\n  multiple\n    lines", 0, 68)]
    [InlineData("\"\"\"  first line keeps indent\n    second\n      third\"\"\"", TokenKind.BlockString, "  first line keeps indent\nsecond\n  third", 0, 54)]
    [InlineData("\"\"\"\n   \n\t\n\"\"\"", TokenKind.BlockString, "", 0, 13)]
    [InlineData("\"\"\"\\\"\"\"\\\"\"\"\"\"\"", TokenKind.BlockString, "\"\"\"\"\"\"", 0, 14)]
    [InlineData("\"\"\"\n  a\n \\\"\"\"\n  b\"\"\"", TokenKind.BlockString, " a\n\"\"\"\n b", 0, 20)]
    [InlineData("\"\"\"\t\ttabs\n\t\t\tnested\"\"\"", TokenKind.BlockString, "\t\ttabs\nnested", 0, 22)]
    public void Reads_strings_and_block_strings(string body, TokenKind kind, string value, int start, int end)
    {
        var token = new Lexer(new Source(body)).Advance();
        Assert.Equal(kind, token.Kind);
        Assert.Equal(value, token.Value);
        Assert.Equal((start, end), (token.Start, token.End));
    }

    [Fact]
    public void Looks_ahead_without_moving()
    {
        var lexer = new Lexer(new Source("\"description\" type T"));
        var description = lexer.Advance();
        Assert.Equal(TokenKind.String, description.Kind);

        var keyword = lexer.Lookahead();
        Assert.True(keyword.IsName("type"));
        Assert.Equal(TokenKind.String, lexer.Token.Kind);
        Assert.Equal(14, keyword.Start);

        Assert.True(lexer.Advance().IsName("type"));
        Assert.True(lexer.Advance().IsName("T"));
        Assert.Equal(TokenKind.Eof, lexer.Advance().Kind);
    }

    [Fact]
    public void Describes_tokens_as_syntax_errors_name_them()
    {
        var lexer = new Lexer(new Source("name 12 3.5 \"str\" \"\"\"block\"\"\" { ..."));
        var descriptions = new List<string>();
        do
        {
            descriptions.Add(lexer.Advance().ToString());
        }
        while (lexer.Token.Kind != TokenKind.Eof);

        Assert.Equal(
            ["Name \"name\"", "Int \"12\"", "Float \"3.5\"", "String \"str\"", "BlockString \"block\"", "\"{\"", "\"...\"", "<EOF>"],
            descriptions);
        Assert.Equal("<SOF>", new Lexer(new Source("")).Token.ToString());
    }

    [Fact]
    public void Describes_every_token_kind()
    {
        var expected = new Dictionary<TokenKind, string>
        {
            [TokenKind.Sof] = "<SOF>",
            [TokenKind.Eof] = "<EOF>",
            [TokenKind.Bang] = "\"!\"",
            [TokenKind.Dollar] = "\"$\"",
            [TokenKind.Amp] = "\"&\"",
            [TokenKind.ParenL] = "\"(\"",
            [TokenKind.ParenR] = "\")\"",
            [TokenKind.Spread] = "\"...\"",
            [TokenKind.Colon] = "\":\"",
            [TokenKind.Equals] = "\"=\"",
            [TokenKind.At] = "\"@\"",
            [TokenKind.BracketL] = "\"[\"",
            [TokenKind.BracketR] = "\"]\"",
            [TokenKind.BraceL] = "\"{\"",
            [TokenKind.Pipe] = "\"|\"",
            [TokenKind.BraceR] = "\"}\"",
            [TokenKind.Name] = "Name",
            [TokenKind.Int] = "Int",
            [TokenKind.Float] = "Float",
            [TokenKind.String] = "String",
            [TokenKind.BlockString] = "BlockString",
        };
        Assert.Equal(Enum.GetValues<TokenKind>().Length, expected.Count);
        foreach (var (kind, description) in expected)
        {
            Assert.Equal(description, kind.Describe());
        }
    }

    [Fact]
    public void Reads_a_document_token_by_token_with_offsets()
    {
        const string body = "query Q($v: [Int!] = 1) { a: b(c: $v) @d ...F ... on T { e } }";
        var lexer = new Lexer(new Source(body));
        var tokens = new List<string>();
        for (var token = lexer.Advance(); token.Kind != TokenKind.Eof; token = lexer.Advance())
        {
            tokens.Add($"{token.Kind}@{token.Start}-{token.End}");
        }

        Assert.Equal(
            [
                "Name@0-5", "Name@6-7", "ParenL@7-8", "Dollar@8-9", "Name@9-10", "Colon@10-11", "BracketL@12-13", "Name@13-16",
                "Bang@16-17", "BracketR@17-18", "Equals@19-20", "Int@21-22", "ParenR@22-23", "BraceL@24-25", "Name@26-27",
                "Colon@27-28", "Name@29-30", "ParenL@30-31", "Name@31-32", "Colon@32-33", "Dollar@34-35", "Name@35-36",
                "ParenR@36-37", "At@38-39", "Name@39-40", "Spread@41-44", "Name@44-45", "Spread@46-49", "Name@50-52",
                "Name@53-54", "BraceL@55-56", "Name@57-58", "BraceR@59-60", "BraceR@61-62",
            ],
            tokens);
    }
}
