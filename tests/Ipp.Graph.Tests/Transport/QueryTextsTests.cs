using System.Text.Json;
using Ipp.Graph.Transport;

namespace Ipp.Graph.Tests.Transport;

/// <summary>Query texts remembered by their JSON bytes: the text JSON.parse gives, the same string for the same bytes, within bounds.</summary>
public sealed class QueryTextsTests
{
    [Theory]
    [InlineData("\"{ me { id } }\"", "{ me { id } }")]
    [InlineData("\"{ me { id }}\"", "{ me { id }}")]
    [InlineData("\"{ a(s: \\\"x\\\") }\"", "{ a(s: \"x\") }")]
    [InlineData("\"{ a(s: \\u0022x\\u0022) }\"", "{ a(s: \"x\") }")]
    [InlineData("\"\"", "")]
    [InlineData("\"a\"", "a")]
    public void A_text_sent_again_is_the_same_string(string json, string text)
    {
        var texts = new QueryTexts(10);

        var first = texts.Get(Parse(json));
        var again = texts.Get(Parse(json));

        Assert.Equal(text, first);
        Assert.Same(first, again);
        Assert.Equal(1, texts.Count);
    }

    /// <summary>Escapes of surrogates, paired or lone (as JSON.parse reads them), and other characters.</summary>
    [Fact]
    public void Escapes_read_as_json_parse_reads_them()
    {
        var texts = new QueryTexts(10);
        const string Json = "\"caf\u00e9 \\ud83d\\ude00 \\ud800\"";

        Assert.Equal("caf\u00e9 \ud83d\ude00 \ud800", texts.Get(Parse(Json)));
        Assert.Same(texts.Get(Parse(Json)), texts.Get(Parse(Json)));
    }

    /// <summary>Texts whose JSON differs, in a byte (odd and even lengths), in the last byte alone or in length, are read each for itself.</summary>
    [Fact]
    public void Different_json_gives_its_own_text()
    {
        var texts = new QueryTexts(100);
        string[] sent = ["{ a }", "{ b }", "{ a }x", "{ a }xy", "{ a", "{ a}", "{ a }\\\\", "{ a }\\\"", "{ a }\\u0041"];
        string[] read = ["{ a }", "{ b }", "{ a }x", "{ a }xy", "{ a", "{ a}", "{ a }\\", "{ a }\"", "{ a }A"];

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < sent.Length; i++)
            {
                Assert.Equal(read[i], texts.Get(Parse("\"" + sent[i] + "\"")));
            }
        }

        Assert.Equal(sent.Length, texts.Count);
    }

    [Fact]
    public void It_remembers_at_most_its_capacity_and_no_text_longer_than_a_tenth_of_its_budget()
    {
        var texts = new QueryTexts(3);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal($"{{ f{i} }}", texts.Get(Parse($"\"{{ f{i} }}\"")));
            Assert.InRange(texts.Count, 1, 3);
        }

        var none = new QueryTexts(1);
        var large = new string('x', QueryTexts.BytesPerText / 10);
        Assert.Equal(large, none.Get(Parse("\"" + large + "\"")));
        Assert.Equal(0, none.Count);
        Assert.Equal("{ a }", new QueryTexts(0).Get(Parse("\"{ a }\"")));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
