using Ipp.Graph.Experiments.Bulk;
using Ipp.Graph.Experiments.Drafts;
using Ipp.Graph.Experiments.Files;
using Ipp.Graph.Experiments.InFlight;
using Ipp.Graph.Experiments.Lifecycle;
using Ipp.Graph.Experiments.Live;
using Ipp.Graph.Experiments.Notifications;
using Ipp.Graph.Experiments.Query;
using Ipp.Graph.Experiments.Tags;
using Ipp.Graph.Experiments.Tokens;
using Ipp.Graph.Experiments.Write;

namespace Ipp.Graph.Experiments;

/// <summary>Registers the experiments feature's services.</summary>
public static class ExperimentsServiceCollectionExtensions
{
    public static IServiceCollection AddExperiments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ExperimentAccess>();
        services.AddExperimentsInFlight(configuration);
        services.AddExperimentsLive(configuration);
        services.AddExperimentQueries(configuration);
        services.AddExperimentFiles();
        services.AddExperimentWrites(configuration);
        services.AddExperimentDrafts();
        services.AddExperimentHistory(configuration);
        services.AddExperimentNotifications(configuration);
        services.AddExperimentTokens(configuration);
        services.AddExperimentLiveFiles(configuration);
        services.AddBulkExperiments(configuration);
        services.AddSingleton<ExperimentTagging>();
        services.AddExperimentLifecycle();
        return services;
    }
}
