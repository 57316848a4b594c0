using System.Text.RegularExpressions;
using Ipp.Graph.Accounts;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>How emails are read: trimmed as written, compared by a lower-case form, plausible and fully visible or refused.</summary>
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

    /// <summary>
    /// Every kind of code point that shows nothing of its own, in the local part and in the domain; written as
    /// escapes, since xUnit passes a lone surrogate in a test's data on as U+FFFD.
    /// </summary>
    [Theory]
    [InlineData(@"ada\u200B@example.org", 0x200B)]
    [InlineData(@"\u202Eada@example.org", 0x202E)]
    [InlineData(@"ad\u00ADa@example.org", 0xAD)]
    [InlineData(@"\uFEFFada@example.org", 0xFEFF)]
    [InlineData(@"ada\u061C@example.org", 0x61C)]
    [InlineData(@"ada\uDB40\uDC41@example.org", 0xE0041)]
    [InlineData(@"ada\u009B@example.org", 0x9B)]
    [InlineData(@"ada\u2007lovelace@example.org", 0x2007)]
    [InlineData(@"ada\u2028lovelace@example.org", 0x2028)]
    [InlineData(@"ada\uD800@example.org", 0xD800)]
    [InlineData(@"ada\uDC00\uD800@example.org", 0xDC00)]
    [InlineData(@"ada\uF8FF@example.org", 0xF8FF)]
    [InlineData(@"ada\uDBFF\uDFFD@example.org", 0x10FFFD)]
    [InlineData(@"ada\u0378@example.org", 0x378)]
    [InlineData(@"ada\uDB40\uDC80@example.org", 0xE0080)]
    [InlineData(@"e\u0301mile@example.org", 0x301)]
    [InlineData(@"ada\u0903@example.org", 0x903)]
    [InlineData(@"ada\u20DD@example.org", 0x20DD)]
    [InlineData(@"ada\uFE0F@example.org", 0xFE0F)]
    [InlineData(@"ada\u115F@example.org", 0x115F)]
    [InlineData(@"ada\u1160@example.org", 0x1160)]
    [InlineData(@"ada\u3164@example.org", 0x3164)]
    [InlineData(@"ada\uFFA0@example.org", 0xFFA0)]
    [InlineData(@"ada\u2800@example.org", 0x2800)]
    [InlineData(@"ada\uFFFD@example.org", 0xFFFD)]
    [InlineData(@"ada@exam\u200Bple.org", 0x200B)]
    [InlineData(@"ada@exam\u3164ple.org", 0x3164)]
    [InlineData(@"ada@bu\u0308cher.de", 0x308)]
    public void ACodePointThatShowsNothingOfItsOwnIsRefusedAndNamed(string escaped, int codePoint)
    {
        var text = Regex.Unescape(escaped);

        Assert.False(EmailAddress.TryParse(text, out _));
        var error = Assert.Throws<MutationException>(() => EmailAddress.Parse(text)).Error;
        Assert.Equal(AccountsErrorCodes.InvalidEmail, error.Code);
        Assert.Contains($"it contains U+{codePoint:X4}, which is not a visible character of its own", error.Message);
    }

    /// <summary>Letters of any script, precomposed, and symbols outside the Basic Multilingual Plane are visible characters.</summary>
    [Theory]
    [InlineData("\u00E9mile@example.org")]
    [InlineData("\u0430\u0434\u0430@example.org")]
    [InlineData("\u5F20\u4F1F@example.org")]
    [InlineData("\uAC00\uB098@example.org")]
    [InlineData("ada\U0001F511@example.org")]
    [InlineData("ada@b\u00FCcher.de")]
    public void VisibleCharactersOfAnyScriptAreAccepted(string text)
    {
        Assert.True(EmailAddress.TryParse(text, out var address));
        Assert.Equal(text, address.Written);
    }

    [Theory]
    [InlineData("a da@example.org")]
    [InlineData("ada\u0007@example.org")]
    public void AsciiSpaceAndControlsGetTheGeneralMessage(string text)
    {
        var error = Assert.Throws<MutationException>(() => EmailAddress.Parse(text)).Error;
        Assert.Equal("The email address is not valid: write it as name@example.org.", error.Message);
    }

    [Theory]
    [InlineData("\u00A0ada@example.org\u3000")]
    [InlineData("\u2003ada@example.org\n")]
    public void SpacesAroundTheAddressOfAnyKindAreTrimmed(string text)
    {
        Assert.True(EmailAddress.TryParse(text, out var address));
        Assert.Equal("ada@example.org", address.Written);
    }

    [Fact]
    public void TheLocalPartHasAtMost64Characters()
    {
        Assert.True(EmailAddress.TryParse(new string('a', 64) + "@example.org", out _));
        Assert.False(EmailAddress.TryParse(new string('a', 65) + "@example.org", out _));
    }
}
