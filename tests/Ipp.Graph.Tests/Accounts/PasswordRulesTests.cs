using System.Text.RegularExpressions;
using Ipp.Graph.Accounts;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Tests.Accounts;

/// <summary>What a new password must be, and which passwords no account can have (they never sign in).</summary>
public sealed class PasswordRulesTests
{
    /// <summary>Written as escapes: xUnit passes a lone surrogate in a test's data on as U+FFFD.</summary>
    [Theory]
    [InlineData(@"correct\uD800horse", "U+D800")]
    [InlineData(@"correct horse\uDBFF", "U+DBFF")]
    [InlineData(@"\uDC00correct horse", "U+DC00")]
    [InlineData(@"correct\uDFFF\uD800horse", "U+DFFF")]
    [InlineData(@"correct horse\uD83D\uDD11\uDD11", "U+DD11")]
    public void ALoneSurrogateIsRefusedAndNeverMatches(string escaped, string surrogate)
    {
        var password = Regex.Unescape(escaped);

        var error = Assert.Throws<MutationException>(() => PasswordRules.CheckNew(password, minBytes: 8)).Error;

        Assert.Equal(AccountsErrorCodes.InvalidPassword, error.Code);
        Assert.Equal($"The password must not contain a lone surrogate ({surrogate}): it is not a character, and has no UTF-8 form.", error.Message);
        Assert.False(PasswordRules.CanMatch(password));
    }

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("key \uD83D\uDD11 correct")]
    [InlineData("\uFFFD replacement")]
    [InlineData("päss wörd ✓")]
    public void PairedSurrogatesAndOtherCharactersAreAccepted(string password)
    {
        PasswordRules.CheckNew(password, minBytes: 8);
        Assert.True(PasswordRules.CanMatch(password));
    }

    [Fact]
    public void NulAndMoreThan72BytesNeverMatch()
    {
        Assert.False(PasswordRules.CanMatch("with\0nul"));
        Assert.False(PasswordRules.CanMatch(new string('é', 36) + "x"));
        Assert.True(PasswordRules.CanMatch(new string('é', 36)));
    }
}
