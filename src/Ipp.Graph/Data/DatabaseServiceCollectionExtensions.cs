using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ipp.Graph.Data;

/// <summary>Registers the database (connection string <c>ConnectionStrings:Ipp</c>) and its migration at start.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>The connection string used when the settings name none.</summary>
    public const string DefaultConnectionString = "Data Source=data/ipp.db";

    /// <summary>
    /// Adds a pooled <see cref="IDbContextFactory{IppDbContext}"/>: features create a short-lived context per unit of
    /// work, so resolvers running side by side never share one, whatever service scope the transport provides.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Ipp") is { Length: > 0 } configured ? configured : DefaultConnectionString;
        services.AddPooledDbContextFactory<IppDbContext>(options => options
            .UseSqlite(connectionString)
            // A failed command or save reaches the code that ran it, which handles it (a duplicate email) or lets it
            // reach the transport's error log; EF's own error entries would only log it twice, or as an error when handled.
            .ConfigureWarnings(warnings => warnings.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug))));
        services.AddSingleton(new DatabaseMigrator.Settings(connectionString));
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService(provider => provider.GetRequiredService<DatabaseMigrator>());
        return services;
    }
}
