using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ipp.Graph.Data;

/// <summary>
/// Registers the database of the settings (<c>Database:Provider</c>, <c>ConnectionStrings:Ipp</c>) and its
/// migration at start.
/// </summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Adds a pooled <see cref="IDbContextFactory{IppDbContext}"/> of the provider's context: features create a
    /// short-lived context per unit of work, so resolvers running side by side never share one, whatever service
    /// scope the transport provides.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseMigrator>());
        switch (settings.Provider)
        {
            case DatabaseProvider.PostgreSql:
                AddContext<PostgreSqlIppDbContext>(services, options => options.UseNpgsql(settings.ConnectionString));
                // The instances' bus; after the migrator, so it starts listening once the database is ready.
                services.AddSingleton<PostgreSqlNotifications>();
                services.AddHostedService(provider => provider.GetRequiredService<PostgreSqlNotifications>());
                break;
            default:
                AddContext<SqliteIppDbContext>(services, options => options.UseSqlite(settings.ConnectionString));
                break;
        }

        return services;
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> useProvider)
        where TContext : IppDbContext
    {
        services.AddPooledDbContextFactory<TContext>((provider, options) => useProvider(options
            // A failed command or save reaches the code that ran it, which handles it (a duplicate email) or lets it
            // reach the transport's error log; EF's own error entries would only log it twice, or as an error when handled.
            .ConfigureWarnings(warnings => warnings.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug)))
            // What features observe of the database's commands (Telemetry's timings), registered as interceptors.
            .AddInterceptors(provider.GetServices<IInterceptor>())));
        services.AddSingleton<IDbContextFactory<IppDbContext>, ProviderContextFactory<TContext>>();
    }
}
