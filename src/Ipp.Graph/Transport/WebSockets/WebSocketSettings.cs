namespace Ipp.Graph.Transport.WebSockets;

/// <summary>The "WebSockets" settings: the limits and timers of GraphQL over WebSocket connections.</summary>
public sealed class WebSocketSettings
{
    /// <summary>The configuration section they are read from.</summary>
    public const string Section = "WebSockets";

    /// <summary>
    /// How long a client may take to send <c>connection_init</c> after the socket opens; the socket is then closed
    /// with 4408. Zero waits forever. Default 3 seconds (graphql-ws's).
    /// </summary>
    public TimeSpan ConnectionInitTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How often an acknowledged connection is sent a keep-alive message (<c>ping</c> in graphql-transport-ws,
    /// <c>ka</c> in the legacy graphql-ws) and a WebSocket ping frame; a peer that answers no ping frame within the
    /// same time (at least 10 seconds) is disconnected. Zero sends none. Default 12 seconds (graphql-ws's).
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>
    /// Largest message a client may send, in bytes; a larger one closes the socket (4400 in graphql-transport-ws,
    /// 1009 in the legacy protocol). Default 262 144 (256 KiB: room for the longest document the engine accepts).
    /// </summary>
    public int MaxMessageBytes { get; init; } = 262_144;

    /// <summary>
    /// Most operations one connection may run at once; a further <c>subscribe</c> (or <c>start</c>) is answered
    /// with an <c>error</c> message and the connection stays open. Default 100.
    /// </summary>
    public int MaxOperations { get; init; } = 100;

    /// <summary>
    /// Longest time sending one message may take; a client that reads nothing for this long is disconnected.
    /// Default 30 seconds.
    /// </summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws when a setting is out of range, naming it, so a bad deployment fails at start.</summary>
    internal void Validate()
    {
        Require(ConnectionInitTimeout >= TimeSpan.Zero, nameof(ConnectionInitTimeout), "zero or more");
        Require(KeepAliveInterval >= TimeSpan.Zero, nameof(KeepAliveInterval), "zero or more");
        Require(MaxMessageBytes > 0, nameof(MaxMessageBytes), "more than zero");
        Require(MaxOperations > 0, nameof(MaxOperations), "more than zero");
        Require(SendTimeout > TimeSpan.Zero, nameof(SendTimeout), "more than zero");
    }

    private static void Require(bool valid, string name, string expected)
    {
        if (!valid)
        {
            throw new InvalidOperationException($"The setting {Section}:{name} must be {expected}.");
        }
    }
}
