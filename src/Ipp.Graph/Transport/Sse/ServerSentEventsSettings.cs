namespace Ipp.Graph.Transport.Sse;

/// <summary>The "ServerSentEvents" settings: GraphQL over Server-Sent Events (graphql-sse, distinct connections mode).</summary>
public sealed class ServerSentEventsSettings
{
    /// <summary>The configuration section they are read from.</summary>
    public const string Section = "ServerSentEvents";

    /// <summary>
    /// How often an open event stream that has nothing to send gets a keep-alive comment (<c>:</c>), so proxies
    /// and clients do not time it out. Zero sends none. Default 12 seconds (graphql-sse's).
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Throws when a setting is out of range, naming it, so a bad deployment fails at start.</summary>
    internal void Validate()
    {
        if (KeepAliveInterval < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"The setting {Section}:{nameof(KeepAliveInterval)} must be zero or more.");
        }
    }
}
