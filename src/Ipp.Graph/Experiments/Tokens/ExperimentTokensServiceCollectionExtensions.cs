using Ipp.Graph.Picas;

namespace Ipp.Graph.Experiments.Tokens;

/// <summary>
/// Registers experiments on container images: their creation and submission, their inputs' blobs, the outputs' library
/// entries, the logs,
/// and, only when a pool is configured (<c>Picas:Url</c>), the observer that takes statuses from the pool's tokens.
/// </summary>
public static class ExperimentTokensServiceCollectionExtensions
{
    public static IServiceCollection AddExperimentTokens(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ImageExperiments>();
        services.AddSingleton<ImageInputBlobs>();
        services.AddSingleton<ExperimentOutputs>();
        services.AddSingleton<ExperimentLogs>();
        if (PicasServiceCollectionExtensions.IsConfigured(configuration))
        {
            services.AddSingleton<IPicasTokenObserver, ExperimentTokenObserver>();
        }

        return services;
    }
}
