namespace Ipp.Graph.Experiments.Bulk;

/// <summary>Registers the runner of bulk mutations on experiments and its limit.</summary>
public static class BulkServiceCollectionExtensions
{
    public static IServiceCollection AddBulkExperiments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<BulkExperimentsOptions>(configuration.GetSection(BulkExperimentsOptions.Section), options => options.Validate());
        services.AddSingleton<BulkExperiments>();
        return services;
    }
}
