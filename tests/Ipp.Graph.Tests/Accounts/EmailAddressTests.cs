using Ipp.Graph.Accounts;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>How emails are read: trimmed as written, compared by a lower-case form, plausible or refused.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData(" Ada@Example.org ", "Ada@Example.org", "ada@example.org")]
    [InlineData("\tGRACE.hopper+navy@Sub.Example.ORG\n", "GRACE.hopper+navy@Sub.Example.ORG", "grace.hopper+navy@sub.example.org")]
    [InlineData("Émile@Bücher.de", "Émile@Bücher.de", "émile@bücher.de")]
    [InlineData("o'brien@x-y.example.org", "o'brien@x-y.example.org", "o'brien@x-y.example.org")]
    public void AValidAddressIsTrimmedAndNormalised(string text, string written, string normalized)
    {
        Assert.True(EmailAddress.TryParse(text, out var address));
        Assert.Equal(written, address.Written);
        Assert.Equal(normalized, address.Normalized);
        Assert.Equal(normalized, EmailAddress.Normalize(text));
    }

    [Theory]
    [InlineData("ada@example.org.")]
    [InlineData("ada.@example.org")]
    [InlineData("ada@exam_ple.org")]
    [InlineData("\"ada\"@example.org")]
    [InlineData("ada@[127.0.0.1]")]
    [InlineData("ada\u0000@example.org")]
    public void AnImplausibleAddressIsRefused(string text)
    {
        Assert.False(EmailAddress.TryParse(text, out _));
    }

    [Fact]
    public void TheLocalPartHasAtMost64Characters()
    {
        Assert.True(EmailAddress.TryParse(new string('a', 64) + "@example.org", out _));
        Assert.False(EmailAddress.TryParse(new string('a', 65) + "@example.org", out _));
    }
}
