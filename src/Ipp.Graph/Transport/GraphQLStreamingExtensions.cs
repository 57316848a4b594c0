using Ipp.Graph.Transport.Sse;
using Ipp.Graph.Transport.WebSockets;

namespace Ipp.Graph.Transport;

/// <summary>Registers and maps the streaming transports of <c>/graphql</c>: WebSocket and Server-Sent Events.</summary>
public static class GraphQLStreamingExtensions
{
    /// <summary>The transports and their settings (sections "WebSockets" and "ServerSentEvents").</summary>
    public static IServiceCollection AddGraphQLStreaming(this IServiceCollection services, IConfiguration configuration)
    {
        var webSockets = configuration.GetSection(WebSocketSettings.Section).Get<WebSocketSettings>() ?? new WebSocketSettings();
        webSockets.Validate();
        var serverSentEvents = configuration.GetSection(ServerSentEventsSettings.Section).Get<ServerSentEventsSettings>() ?? new ServerSentEventsSettings();
        serverSentEvents.Validate();

        services.AddSingleton(webSockets);
        services.AddSingleton(serverSentEvents);
        services.AddSingleton<WebSocketTransport>();
        services.AddSingleton<ServerSentEventsTransport>();
        return services;
    }

    /// <summary>
    /// Serves WebSocket upgrades and event-stream requests to <c>/graphql</c> (as <see cref="GraphQLRoute"/> selects
    /// them) ahead of the GraphQL over HTTP endpoint, which gets every other request.
    /// </summary>
    public static IApplicationBuilder MapGraphQLStreaming(this IApplicationBuilder app)
    {
        var webSockets = app.ApplicationServices.GetRequiredService<WebSocketTransport>();
        var serverSentEvents = app.ApplicationServices.GetRequiredService<ServerSentEventsTransport>();
        app.UseWebSockets();
        app.Use(next => context =>
        {
            if (!IsGraphQLPath(context.Request.Path))
            {
                return next(context);
            }

            return GraphQLRoute.Select(context) switch
            {
                GraphQLTransportKind.WebSocket => webSockets.HandleAsync(context),
                GraphQLTransportKind.ServerSentEvents => serverSentEvents.HandleAsync(context),
                _ => next(context),
            };
        });
        return app;
    }

    /// <summary><c>/graphql</c> as routing matches it: any case, with or without a trailing slash.</summary>
    private static bool IsGraphQLPath(PathString path) =>
        path.StartsWithSegments(GraphQLRoute.Path, StringComparison.OrdinalIgnoreCase, out var rest) && (!rest.HasValue || rest.Value == "/");
}
