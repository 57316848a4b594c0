namespace Ipp.Graph.Experiments.Live;

/// <summary>Registers the live status: the folder monitor and what it uses (the hub is registered by the feature).</summary>
public static class LiveServiceCollectionExtensions
{
    public static IServiceCollection AddExperimentsLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveOptions>().Bind(configuration.GetSection(LiveOptions.Section));
        services.AddSingleton<ExperimentFolders>();
        services.AddSingleton<FolderStatusSync>();
        services.AddHostedService<FolderMonitor>();
        return services;
    }
}
