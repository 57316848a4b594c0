using Ipp.Graph.Data;

namespace Ipp.Graph.RateLimiting;

/// <summary>Registers the rate limits' counts of the database's provider (per instance on SQLite, shared on PostgreSQL).</summary>
public static class RateLimitingServiceCollectionExtensions
{
    public static IServiceCollection AddRateLimiting(this IServiceCollection services, IConfiguration configuration) =>
        DatabaseSettings.From(configuration).Provider == DatabaseProvider.PostgreSql
            ? services.AddSingleton<IAttemptWindows, PostgreSqlAttemptWindows>()
            : services.AddSingleton<IAttemptWindows, InProcessAttemptWindows>();
}
