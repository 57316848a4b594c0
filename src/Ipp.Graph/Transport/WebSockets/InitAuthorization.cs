using System.Text.Json;
using Ipp.Graph.Engine.JavaScript;

namespace Ipp.Graph.Transport.WebSockets;

/// <summary>
/// The session token a <c>connection_init</c> payload carries in its <c>authorization</c> member (the name compared
/// without regard to case, as HTTP compares header names): <c>"Bearer &lt;token&gt;"</c> as the HTTP header would
/// hold it, or the bare token.
/// </summary>
internal readonly struct InitAuthorization
{
    private InitAuthorization(bool given, string? token, string? refusal)
    {
        IsGiven = given;
        Token = token;
        Refusal = refusal;
    }

    /// <summary>True when the payload has an <c>authorization</c> member (even an empty one).</summary>
    public bool IsGiven { get; }

    /// <summary>The token to authenticate; null when none was given or it was refused.</summary>
    public string? Token { get; }

    /// <summary>Why the authorization cannot be used, briefly (the connection is then refused); null when it can.</summary>
    public string? Refusal { get; }

    /// <summary>Reads the authorization of a <c>connection_init</c> payload (an object, or null when it had none).</summary>
    public static InitAuthorization Read(JsonElement? payload)
    {
        JsonElement? value = null;
        if (payload is { ValueKind: JsonValueKind.Object } members)
        {
            foreach (var member in members.EnumerateObject())
            {
                if (string.Equals(member.Name, "authorization", StringComparison.OrdinalIgnoreCase))
                {
                    value = member.Value;
                }
            }
        }

        return value switch
        {
            null or { ValueKind: JsonValueKind.Null } => default,
            { ValueKind: JsonValueKind.String } text => FromText(JsonStrings.GetString(text)),
            _ => new InitAuthorization(true, null, "authorization must be a string"),
        };
    }

    private static InitAuthorization FromText(string text)
    {
        var trimmed = text.AsSpan().Trim();
        var space = trimmed.IndexOf(' ');
        if (space < 0)
        {
            return new InitAuthorization(true, trimmed.ToString(), null);
        }

        return trimmed[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            ? new InitAuthorization(true, trimmed[(space + 1)..].Trim().ToString(), null)
            : new InitAuthorization(true, null, "unsupported authorization scheme (use Bearer)");
    }
}
