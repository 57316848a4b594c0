using Ipp.Graph.Health;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Picas;

/// <summary>
/// Registers the PiCaS token pool (settings section <c>Picas</c>): its client, its setup at start, the
/// <see cref="PicasOutbox"/> and its worker, and the changes follower and reconciliation that hand tokens to the
/// <see cref="IPicasTokenObserver"/>s other features register. Without <c>Picas:Url</c> only the settings are
/// registered: no client, no background work, no readiness check.
/// </summary>
public static class PicasServiceCollectionExtensions
{
    public static IServiceCollection AddPicas(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<PicasOptions>(configuration.GetSection(PicasOptions.Section), options => options.Validate());
        if (!IsConfigured(configuration))
        {
            return services;
        }

        services.AddSingleton(provider => new CouchDbClient(provider.GetRequiredService<IOptions<PicasOptions>>().Value));
        services.AddSingleton<PicasPoolStatus>();
        services.AddSingleton<PicasPoolSetup>();
        services.AddHostedService<PicasPoolStarter>();
        services.AddSingleton<IReadinessCheck, PicasReadiness>();
        services.AddSingleton<PicasOutbox>();
        services.AddHostedService<PicasOutboxWorker>();
        services.AddHostedService<PicasChangesFollower>();
        services.AddHostedService<PicasTokenReconciler>();
        return services;
    }

    /// <summary>Whether <paramref name="configuration"/> names a pool (<c>Picas:Url</c>): what the features that use one register by.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        configuration.GetSection(PicasOptions.Section).Get<PicasOptions>()?.IsConfigured ?? false;
}
