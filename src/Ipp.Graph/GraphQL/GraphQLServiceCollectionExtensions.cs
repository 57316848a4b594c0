using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Engine.Types;
using Ipp.Graph.Transport;

namespace Ipp.Graph.GraphQL;

/// <summary>Registers the schema, the engine (with the limits of the "GraphQL" settings), the request runner and the query texts clients sent.</summary>
public static class GraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQLServer(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("GraphQL").Get<EngineOptions>() ?? EngineOptions.Default;
        services.AddSingleton<Schema>(provider => ContractSchema.Build(provider.GetRequiredService<AccessPolicy>(), provider.GetRequiredService<CallerGrants>()));
        services.AddSingleton(provider => new RequestExecutor(provider.GetRequiredService<Schema>(), options));
        services.AddSingleton<RequestRunner>();
        services.AddSingleton(new QueryTexts(options.DocumentCacheSize));
        services.AddValidatedSettings<NodesOptions>(configuration.GetSection(NodesOptions.Section), options => options.Validate());
        return services;
    }
}
