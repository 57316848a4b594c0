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
}
