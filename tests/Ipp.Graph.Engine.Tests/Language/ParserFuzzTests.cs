using System.Text;
using Ipp.Graph.Engine.Error;
using Ipp.Graph.Engine.Language;
using Ipp.Graph.Engine.Language.Ast;
using Ipp.Graph.Engine.Tests.Support;

namespace Ipp.Graph.Engine.Tests.Language;

/// <summary>
/// Randomised robustness test with fixed seeds: valid documents mutated at character and token level (deletions,
/// insertions, duplications, swaps, truncation, stray Unicode, deep nesting). Parsing must either succeed or throw a
/// <see cref="GraphQLError"/>; whatever parses must print, and print the same again after a second parse.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int MutationsPerSeed = 10_000;

    private static readonly string[] Insertions =
    [
        "{", "}", "(", ")", "[", "]", "\"", "\"\"\"", "\\", "\\u", "\\u{", "\\uD83D", "\\u{110000}", "$", "@", "!", ":", "=", "|",
        "&", "...", "..", ".", "#", "\n", "\r", "\r\n", "\t", " ", ",", "0", "00", "-", "1.", "1e", "e", ".5", "\uFEFF",
        "\uD800", "\uDC00", "\uD83D\uDE00", "\u00E9", "\u0000", "\u0007", "\u2028", "'", "on", "query", "fragment", "extend",
        "type", "true", "null", "implements", "repeatable", "schema", "directive", "\\\"\"\"", "x", "_", "9", "\"s\"",
    ];

    private static readonly Lazy<string[]> Corpus = new(LoadCorpus);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Mutated_documents_parse_or_fail_with_a_GraphQL_error(int seed)
    {
        var random = new Random(seed);
        var corpus = Corpus.Value;
        for (var i = 0; i < MutationsPerSeed; i++)
        {
            var text = corpus[random.Next(corpus.Length)];
            var mutations = 1 + random.Next(4);
            for (var m = 0; m < mutations; m++)
            {
                text = Mutate(random, text);
            }

            var options = random.Next(10) == 0 ? new ParseOptions { MaxTokens = random.Next(100), NoLocation = true } : null;
            CheckParse(text, options, $"seed {seed}, mutation {i}");
        }
    }

    [Theory]
    [InlineData("{", "}")]
    [InlineData("{ a(b: [", "]) }")]
    [InlineData("{ a(b: {c: ", "}) }")]
    [InlineData("query ($v: [", "]) { a }")]
    [InlineData("{ ... on T {", "} }")]
    [InlineData("type T { f(a: [", "]): Int }")]
    public void Deep_nesting_fails_with_a_GraphQL_error(string open, string close)
    {
        foreach (var depth in new[] { 199, 250, 10_000, 200_000 })
        {
            var builder = new StringBuilder();
            for (var i = 0; i < depth; i++)
            {
                builder.Append(open);
            }

            // Unclosed, half-closed and fully closed.
            CheckParse(builder.ToString(), null, $"depth {depth}");
            for (var i = 0; i < depth; i++)
            {
                builder.Append(close);
                if (i == depth / 2)
                {
                    CheckParse(builder.ToString(), null, $"depth {depth}");
                }
            }

            CheckParse(builder.ToString(), null, $"depth {depth}");
        }
    }

    private static void CheckParse(string text, ParseOptions? options, string context)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(text, options);
        }
        catch (GraphQLError error)
        {
            Assert.True(
                error.Code is ErrorCodes.ParseFailed or ErrorCodes.MaxTokensExceeded or ErrorCodes.MaxDepthExceeded,
                $"{context}: unexpected code {error.Code}");
            Assert.NotNull(error.Locations);
            return;
        }
        catch (Exception exception)
        {
            throw new Xunit.Sdk.XunitException($"{context}: {exception}\nDocument: {Escape(text)}");
        }

        var printed = Printer.Print(document);
        var reprinted = Printer.Print(Parser.Parse(printed));
        Assert.True(printed == reprinted, $"{context}: printing is not stable for {Escape(text)}");
    }

    private static string Mutate(Random random, string text)
    {
        var position = random.Next(text.Length + 1);
        switch (random.Next(9))
        {
            case 0:
                return text.Remove(position, Math.Min(1 + random.Next(3), text.Length - position));
            case 1:
                return text.Insert(position, Insertions[random.Next(Insertions.Length)]);
            case 2:
                var start = random.Next(text.Length + 1);
                return text.Insert(position, text.Substring(start, Math.Min(1 + random.Next(20), text.Length - start)));
            case 3:
                return text[..position];
            case 4:
                if (position + 1 >= text.Length)
                {
                    return text;
                }

                return string.Concat(text.AsSpan(0, position), text.AsSpan(position + 1, 1), text.AsSpan(position, 1), text.AsSpan(position + 2));
            case 5:
                return MutateTokens(random, text);
            case 6:
                return text.Insert(position, new string(random.Next(2) == 0 ? '{' : '[', 1 + random.Next(300)));
            case 7:
                return text.Insert(position, ((char)random.Next(0x10000)).ToString());
            default:
                return MutateTokens(random, text);
        }
    }

    /// <summary>Deletes, duplicates or swaps whole tokens of the text's longest lexable prefix.</summary>
    private static string MutateTokens(Random random, string text)
    {
        var tokens = new List<(int Start, int End)>();
        try
        {
            var lexer = new Lexer(new Source(text));
            for (var token = lexer.Advance(); token.Kind != TokenKind.Eof; token = lexer.Advance())
            {
                tokens.Add((token.Start, token.End));
            }
        }
        catch (GraphQLError)
        {
            // Mutate the tokens read before the lexical error.
        }

        if (tokens.Count < 2)
        {
            return text;
        }

        var a = tokens[random.Next(tokens.Count)];
        var b = tokens[random.Next(tokens.Count)];
        if (a.Start > b.Start)
        {
            (a, b) = (b, a);
        }

        return random.Next(3) switch
        {
            0 => text.Remove(a.Start, a.End - a.Start),
            1 => text.Insert(b.End, " " + text[a.Start..a.End]),
            _ => a.Start == b.Start
                ? text
                : string.Concat(text[..a.Start], text[b.Start..b.End], text[a.End..b.Start], text[a.Start..a.End], text[b.End..]),
        };
    }

    private static string[] LoadCorpus()
    {
        var folder = RepositoryPaths.Combine("tests", "Ipp.Graph.Engine.Tests", "Language", "Fixtures");
        var fixtures = Directory.GetFiles(folder, "*.graphql").Order(StringComparer.Ordinal).Select(File.ReadAllText);
        string[] small =
        [
            "{ a }",
            "query Q($a: Int = 1, $b: [String!]! @d) @q { alias: f(x: $a, y: [1, 2.5, \"s\", E, null, true], z: {k: \"\"\"b\"\"\"}) { ...F ... on T { g } } }",
            "\"d\" schema @s { query: Q } extend schema @e { mutation: M }",
            "\"\"\"d\"\"\" directive @d(\"a\" a: Int = 1) repeatable on FIELD | QUERY",
            "extend type T implements I & J @d { f(a: [Int!]): T } extend union U = A | B extend enum E { V } extend input I { f: Int }",
        ];
        return [.. fixtures, .. small];
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c < 0x20 || c > 0x7E)
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
