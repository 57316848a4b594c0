using Ipp.Graph.Transport.Multipart;

namespace Ipp.Graph.Experiments.Write;

/// <summary>Registers the writing side of experiments: the writer, the per-user limits, the recovery at start.</summary>
public static class ExperimentWriteServiceCollectionExtensions
{
    public static IServiceCollection AddExperimentWrites(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ExperimentQuotaOptions>(configuration.GetSection(ExperimentQuotaOptions.Section), options => options.Validate());
        services.AddSingleton<NewExperimentValidator>();
        services.AddSingleton<ExperimentInputSources>();
        services.AddSingleton<LibraryInputCopies>();
        services.AddSingleton<ExperimentFolderAssembly>();
        services.AddSingleton<UserQuota>();
        services.AddSingleton<ExperimentCreationRateLimiter>();
        services.AddSingleton<IUploadAllowance>(provider => provider.GetRequiredService<UserQuota>());
        services.AddSingleton<ExperimentWriter>();
        // Registered after the database's migrator, so its StartingAsync runs on the migrated database.
        services.AddSingleton<StagingRecovery>();
        services.AddHostedService(provider => provider.GetRequiredService<StagingRecovery>());
        return services;
    }
}
