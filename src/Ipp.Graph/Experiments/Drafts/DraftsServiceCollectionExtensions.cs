namespace Ipp.Graph.Experiments.Drafts;

/// <summary>Registers the editing and cloning of drafts.</summary>
public static class DraftsServiceCollectionExtensions
{
    public static IServiceCollection AddExperimentDrafts(this IServiceCollection services)
    {
        services.AddSingleton<ImageDraftEditor>();
        services.AddSingleton<DraftEditor>();
        services.AddSingleton<ExperimentCloner>();
        services.AddSingleton<DraftEditRecovery>();
        return services;
    }
}
