using Ipp.Graph.Data;

namespace Ipp.Graph.Experiments.Live;

/// <summary>
/// Registers the live status: the events' recording and their bus (in process on SQLite, PostgreSQL's NOTIFY between
/// instances on PostgreSQL), the hub of this instance's subscribers, the folder monitor and what it uses.
/// </summary>
public static class LiveServiceCollectionExtensions
{
    public static IServiceCollection AddExperimentsLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveOptions>().Bind(configuration.GetSection(LiveOptions.Section));
        services.AddSingleton<ExperimentEventHub>();
        services.AddSingleton<ExperimentEvents>();
        services.AddPerProvider<IExperimentEventBus, InProcessExperimentEventBus, PostgreSqlExperimentEventBus>(configuration);

        services.AddSingleton<ExperimentFolders>();
        services.AddSingleton<FolderStatusSync>();
        services.AddHostedService<FolderMonitor>();
        return services;
    }
}
