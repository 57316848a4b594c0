namespace Ipp.Graph.Data;

/// <summary>Registers the implementation of a piece of process-wide state that the database's provider calls for.</summary>
public static class PerProviderServices
{
    /// <summary>
    /// Registers <typeparamref name="TInProcess"/> as <typeparamref name="TService"/> on SQLite (one process serves the
    /// database), <typeparamref name="TShared"/> on PostgreSQL (instances share it), and the shared one also as an
    /// <see cref="IPostgreSqlChannel"/> when it listens to the other instances.
    /// </summary>
    public static IServiceCollection AddPerProvider<TService, TInProcess, TShared>(this IServiceCollection services, IConfiguration configuration)
        where TService : class
        where TInProcess : class, TService
        where TShared : class, TService
    {
        if (DatabaseSettings.From(configuration).Provider != DatabaseProvider.PostgreSql)
        {
            return services.AddSingleton<TService, TInProcess>();
        }

        services.AddSingleton<TShared>();
        services.AddSingleton<TService>(provider => provider.GetRequiredService<TShared>());
        if (typeof(IPostgreSqlChannel).IsAssignableFrom(typeof(TShared)))
        {
            services.AddSingleton(provider => (IPostgreSqlChannel)provider.GetRequiredService<TShared>());
        }

        return services;
    }
}
