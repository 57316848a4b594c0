namespace Ipp.Graph.Experiments.Lifecycle;

/// <summary>Registers cancelling and retrying experiments, and what becomes of a cancelled experiment's job.</summary>
public static class LifecycleServiceCollectionExtensions
{
    public static IServiceCollection AddExperimentLifecycle(this IServiceCollection services)
    {
        services.AddSingleton<CancelledJobs>();
        services.AddSingleton<PoolTokens>();
        services.AddSingleton<ExperimentCancellation>();
        services.AddSingleton<ExperimentRetry>();
        return services;
    }
}
