using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ipp.Graph.Accounts.AccessTokens;

/// <summary>
/// The text of a personal access token: <c>ipp_pat_</c> and 32 random bytes in URL-safe base64 (51 characters in
/// all). The prefix tells people and secret scanners what it is, and the server which store to look it up in; the
/// database keeps only the SHA-256 of the whole text (as <see cref="SessionToken"/> does), found by that hash.
/// </summary>
public static class AccessTokenText
{
    /// <summary>What every personal access token starts with.</summary>
    public const string Prefix = "ipp_pat_";

    private const int SecretBytes = 32;

    /// <summary>The length of a token's text.</summary>
    public const int Length = 51;

    /// <summary>A new random token and the hash to store for it.</summary>
    public static (string Token, byte[] Hash) Create()
    {
        var token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (token, HashOf(token));
    }

    /// <summary>True when the text claims to be a personal access token (it starts with <see cref="Prefix"/>).</summary>
    public static bool IsOne(string? token) => token is not null && token.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The hash to look a presented token up by; null when the text cannot be a token (no lookup is then needed).</summary>
    public static byte[]? TryHash(string? token) =>
        token is { Length: Length } && IsOne(token) && Base64Url.IsValid(token.AsSpan(Prefix.Length)) ? HashOf(token) : null;

    private static byte[] HashOf(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));
}
