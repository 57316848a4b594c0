using System.Net.WebSockets;
using Ipp.Graph.Accounts;
using Ipp.Graph.Deployment;
using Ipp.Graph.GraphQL;
using Ipp.Graph.Telemetry;

namespace Ipp.Graph.Transport.WebSockets;

/// <summary>
/// GraphQL over WebSocket at <c>/graphql</c>: accepts the upgrade with the subprotocol the client offers,
/// <c>graphql-transport-ws</c> (preferred) or the legacy <c>graphql-ws</c>, and serves the connection in it. A client
/// that offers neither is accepted and then closed with 4406 "Subprotocol not acceptable", as graphql-ws's reference
/// server does.
/// </summary>
internal sealed class WebSocketTransport
{
    /// <summary>The least time a peer gets to answer a ping frame, however short the keep-alive interval.</summary>
    private static readonly TimeSpan MinPongTimeout = TimeSpan.FromSeconds(10);

    private readonly IHostApplicationLifetime _lifetime;

    public WebSocketTransport(
        WebSocketSettings settings,
        BrowserOrigins origins,
        RequestRunner runner,
        ISessionLifetimes sessions,
        IServiceScopeFactory scopes,
        IHostApplicationLifetime lifetime,
        ILogger<WebSocketTransport> logger)
    {
        Settings = settings;
        Origins = new TrustedOrigins(origins);
        Runner = runner;
        Sessions = sessions;
        Scopes = scopes;
        Logger = logger;
        _lifetime = lifetime;
    }

    public WebSocketSettings Settings { get; }

    /// <summary>Whose pages' upgrade requests keep their caller.</summary>
    public TrustedOrigins Origins { get; }

    public RequestRunner Runner { get; }

    /// <summary>When the sessions of connections' callers end.</summary>
    public ISessionLifetimes Sessions { get; }

    public IServiceScopeFactory Scopes { get; }

    public ILogger Logger { get; }

    /// <summary>Serves one WebSocket upgrade request until the socket closes.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var offered = context.WebSockets.WebSocketRequestedProtocols;
        var protocol = offered.Contains(TransportWsConnection.Protocol) ? TransportWsConnection.Protocol
            : offered.Contains(LegacyWsConnection.Protocol) ? LegacyWsConnection.Protocol
            : null;

        var keepAlive = Settings.KeepAliveInterval;
        WebSocket socket;
        try
        {
            socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                SubProtocol = protocol,
                KeepAliveInterval = keepAlive,
                KeepAliveTimeout = keepAlive > TimeSpan.Zero ? Max(keepAlive, MinPongTimeout) : Timeout.InfiniteTimeSpan,
            });
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The client went away during the handshake.
            return;
        }

        using var owned = socket;
        using var channel = new WebSocketChannel(socket, Settings.MaxMessageBytes, Settings.SendTimeout);

        SocketConnection? connection = protocol switch
        {
            TransportWsConnection.Protocol => new TransportWsConnection(channel, context, this),
            LegacyWsConnection.Protocol => new LegacyWsConnection(channel, context, this),
            _ => null,
        };

        if (connection is null)
        {
            await channel.CloseAsync(CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable");
            while (await channel.ReceiveAsync() != ReceivedKind.Closed)
            {
                // Waiting for the client's answer to the close.
            }

            return;
        }

        using var open = TransportMetrics.WebSocketOpened(protocol!);
        await connection.RunAsync(_lifetime.ApplicationStopping);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
