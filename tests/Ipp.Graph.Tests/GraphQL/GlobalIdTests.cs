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
        Assert.True(GlobalId.TryDecode(GlobalId.Encode(type, key), out var decodedType, out var decodedKey));
        Assert.Equal((type, key), (decodedType, decodedKey));
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
    public void Text_that_is_not_how_an_id_is_written_is_no_id(string text)
    {
        Assert.False(GlobalId.TryDecode(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text)), out _, out _));
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

        Assert.True(GlobalId.TryDecode(user, out _, out _));
        Assert.False(GlobalId.TryDecode(padded, out _, out _));
        Assert.False(GlobalId.TryDecode(strayBits, out _, out _));
        Assert.False(GlobalId.TryDecode("", out _, out _));
    }
}
