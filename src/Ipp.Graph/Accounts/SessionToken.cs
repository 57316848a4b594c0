using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ipp.Graph.Accounts;

/// <summary>
/// Session tokens: 32 random bytes written in URL-safe base64 (43 characters). The database keeps only their
/// SHA-256, and a token is found by looking its hash up, so no comparison ever runs over the token itself.
/// </summary>
public static class SessionToken
{
    private const int TokenBytes = 32;

    /// <summary>The length of a token's text.</summary>
    public const int Length = 43;

    /// <summary>A new random token and the hash to store for it.</summary>
    public static (string Token, byte[] Hash) Create()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        return (token, HashOf(token));
    }

    /// <summary>The hash to look a presented token up by; null when the text cannot be a token (no lookup is then needed).</summary>
    public static byte[]? TryHash(string? token) =>
        token is { Length: Length } && Base64Url.IsValid(token) ? HashOf(token) : null;

    private static byte[] HashOf(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));
}
