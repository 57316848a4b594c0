using System.Security.Cryptography;

namespace Ipp.Graph.GraphQL;

/// <summary>
/// Identifiers tying an error a client sees ("Unexpected error." with its <c>correlationId</c>) to the log entry
/// that holds the exception: 16 random hexadecimal digits, short enough to read out, unique enough to find.
/// </summary>
public static class CorrelationId
{
    /// <summary>The key of the identifier in an error's <c>extensions</c>.</summary>
    public const string ExtensionKey = "correlationId";

    /// <summary>A new identifier.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
