namespace Ipp.Graph.Experiments.Notifications;

/// <summary>
/// Registers the mail owners get when their experiments end (settings section <c>Experiments:Mail</c>): the decision
/// taken with each change (<see cref="ExperimentMailQueue"/>) and this instance's sender (<see cref="ExperimentMailWorker"/>).
/// </summary>
public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddExperimentNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ExperimentMailOptions>(configuration.GetSection(ExperimentMailOptions.Section), options => options.Validate());
        services.AddSingleton<ExperimentMailQueue>();
        services.AddHostedService<ExperimentMailWorker>();
        return services;
    }
}
