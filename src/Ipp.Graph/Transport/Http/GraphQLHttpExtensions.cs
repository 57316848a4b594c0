namespace Ipp.Graph.Transport.Http;

/// <summary>Registers and maps GraphQL over HTTP.</summary>
public static class GraphQLHttpExtensions
{
    /// <summary>The endpoint's services, its settings (section "GraphQLHttp") and the JSON error bodies of the whole server.</summary>
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(GraphQLHttpOptions.Section).Get<GraphQLHttpOptions>() ?? new GraphQLHttpOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<HttpGraphQLRequestReader>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddTransient<IStartupFilter, JsonErrorStartupFilter>();
        return services;
    }

    /// <summary>
    /// <c>GET</c> and <c>POST /graphql</c>. Other methods get 405 with <c>Allow: GET, POST</c> from routing; its
    /// bodiless answers get a JSON body from <see cref="JsonErrorMiddleware"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints)
    {
        var endpoint = endpoints.ServiceProvider.GetRequiredService<GraphQLHttpEndpoint>();
        endpoints.MapGet("/graphql", (RequestDelegate)endpoint.GetAsync);
        endpoints.MapPost("/graphql", (RequestDelegate)endpoint.PostAsync);
        return endpoints;
    }
}
