namespace Ipp.Graph.Transport.WebSockets;

/// <summary>
/// The close codes graphql-ws's PROTOCOL.md gives (its reference server's names), and the reasons this server
/// sends with them. The legacy protocol borrows them where it has none of its own.
/// </summary>
internal static class CloseCodes
{
    /// <summary>An invalid message: not JSON, an unknown type, a field missing or of the wrong type, too large.</summary>
    public const int BadRequest = 4400;

    /// <summary>A <c>subscribe</c> before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The server refused the <c>connection_init</c>, or the session of the connection's caller ended.</summary>
    public const int Forbidden = 4403;

    /// <summary>The client offered no subprotocol this server speaks.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>No <c>connection_init</c> within the configured time.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>A <c>subscribe</c> with the id of an operation that is still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c>.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>The server failed (logged with its details, which the client is not told).</summary>
    public const int InternalServerError = 4500;

    /// <summary>
    /// The longest close reason the WebSocket protocol allows, in UTF-8 bytes (a close frame's payload is at most
    /// 125 bytes, 2 of them the code).
    /// </summary>
    public const int MaxReasonBytes = 123;

    /// <summary>
    /// <paramref name="reason"/> made fit for a close frame: lone surrogates (which UTF-8 cannot encode) replaced
    /// by U+FFFD, and cut at a character boundary to the frame's size.
    /// </summary>
    public static string FitReason(string reason)
    {
        reason = ReplaceLoneSurrogates(reason);
        if (System.Text.Encoding.UTF8.GetByteCount(reason) <= MaxReasonBytes)
        {
            return reason;
        }

        var length = Math.Min(reason.Length, MaxReasonBytes);
        while (length > 0 && System.Text.Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxReasonBytes - 3)
        {
            length--;
        }

        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return string.Concat(reason.AsSpan(0, length), "...");
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        char[]? replaced = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                replaced ??= text.ToCharArray();
                replaced[i] = '\uFFFD';
            }
        }

        return replaced is null ? text : new string(replaced);
    }
}
