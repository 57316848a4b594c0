using System.Buffers.Text;
using System.Text;
using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Tests.GraphQL;

/// <summary>A global id has one spelling per object: any other text that decodes to the same type and key is no id.</summary>
public sealed class GlobalIdTests
{
    [Theory]
    [InlineData("Experiment", 1L)]
    [InlineData("User", 42L)]
    [InlineData("Experiment", long.MaxValue)]
    public void An_encoded_id_decodes_to_its_type_and_key(string type, long key)
    {
        var id = GlobalId.Encode(type, key);
        Span<char> decodedType = stackalloc char[GlobalId.MaxLength];
        Assert.True(GlobalId.TryDecode(id, decodedType, out var length, out var decodedKey));
        Assert.Equal((type, key), (decodedType[..length].ToString(), decodedKey));
        Assert.True(GlobalId.TryDecode(id, type, out var keyOfType));
        Assert.Equal(key, keyOfType);
        Assert.False(GlobalId.TryDecode(id, type + "s", out _));
    }

    [Theory]
    [InlineData("Experiment:01")]
    [InlineData("Experiment:+1")]
    [InlineData("Experiment: 1")]
    [InlineData("Experiment:1 ")]
    [InlineData("Experiment:-1")]
    [InlineData(":1")]
    [InlineData("Experiment:")]
    [InlineData("Experiment")]
    [InlineData("Exp eriment:1")]
    [InlineData("Expériment:1")]
    public void Text_that_is_not_how_an_id_is_written_is_no_id(string text)
    {
        Assert.False(GlobalId.TryDecode(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text)), "Experiment", out _));
    }

    [Fact]
    public void Other_base64_spellings_of_an_id_are_no_id()
    {
        var id = GlobalId.Encode("Experiment", 1); // RXhwZXJpbWVudDox
        Assert.Equal("RXhwZXJpbWVudDox", id);
        var user = GlobalId.Encode("User", 10);
        Assert.Equal("VXNlcjoxMA", user);
        var padded = Convert.ToBase64String(Encoding.UTF8.GetBytes("User:10")); // VXNlcjoxMA==
        var strayBits = user[..^1] + "B"; // the last character's four unused bits not zero

        Assert.True(GlobalId.TryDecode(user, "User", out _));
        Assert.False(GlobalId.TryDecode(padded, "User", out _));
        Assert.False(GlobalId.TryDecode(strayBits, "User", out _));
        Assert.False(GlobalId.TryDecode(user[..4] + " " + user[4..], "User", out _));
        var threeBytesShort = GlobalId.Encode("User", 123); // VXNlcjoxMjM: the last character has two unused bits
        Assert.Equal(3, threeBytesShort.Length % 4);
        Assert.True(GlobalId.TryDecode(threeBytesShort, "User", out var key));
        Assert.Equal(123, key);
        Assert.False(GlobalId.TryDecode(threeBytesShort[..^1] + "N", "User", out _));
        Assert.False(GlobalId.TryDecode(threeBytesShort + "=", "User", out _));
        Assert.False(GlobalId.TryDecode(threeBytesShort[..^1], "User", out _));
        Assert.False(GlobalId.TryDecode(GlobalId.Encode(new string('U', 200), 1), new string('U', 200), out _));
        Assert.False(GlobalId.TryDecode("", "Experiment", out _));
    }

    /// <summary>
    /// Whatever the last character, the text is an id exactly when it is how its bytes encode (no stray bits) and
    /// those bytes are <c>User:</c> and a key written as <see cref="GlobalId.Encode"/> writes it.
    /// </summary>
    [Fact]
    public void Every_last_character_is_taken_exactly_when_it_is_the_canonical_spelling()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        foreach (var id in new[] { GlobalId.Encode("User", 10), GlobalId.Encode("User", 123), GlobalId.Encode("User", 1234) })
        {
            foreach (var last in Alphabet)
            {
                var text = id[..^1] + last;
                var buffer = new byte[text.Length];
                if (Base64Url.DecodeFromChars(text, buffer, out _, out var written) != System.Buffers.OperationStatus.Done)
                {
                    Assert.False(GlobalId.TryDecode(text, "User", out _));
                    continue;
                }

                var bytes = buffer[..written];
                var decoded = Encoding.UTF8.GetString(bytes);
                var namesAUser = decoded.StartsWith("User:", StringComparison.Ordinal)
                    && long.TryParse(decoded[5..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key)
                    && GlobalId.Encode("User", key) == Base64Url.EncodeToString(bytes);
                var canonical = Base64Url.EncodeToString(bytes) == text;

                Assert.Equal(canonical && namesAUser, GlobalId.TryDecode(text, "User", out _));
            }
        }
    }
}
