namespace Ipp.Graph.Health;

/// <summary>Registers the readiness probe (settings section "Health") and the check that the database answers.</summary>
public static class HealthServiceCollectionExtensions
{
    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<HealthSettings>(configuration.GetSection(HealthSettings.Section), settings => settings.Validate());
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton<IReadinessCheck, DatabaseReadiness>();
        return services;
    }
}
