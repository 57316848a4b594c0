using Ipp.Graph.Experiments.Live;

namespace Ipp.Graph.Experiments;

/// <summary>Registers the experiments feature's services.</summary>
public static class ExperimentsServiceCollectionExtensions
{
    public static IServiceCollection AddExperiments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ExperimentEventHub>();
        services.AddExperimentsLive(configuration);
        return services;
    }
}
