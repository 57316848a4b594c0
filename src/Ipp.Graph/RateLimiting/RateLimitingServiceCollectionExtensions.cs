using Ipp.Graph.Data;

namespace Ipp.Graph.RateLimiting;

/// <summary>Registers the rate limits' counts of the database's provider (per instance on SQLite, shared on PostgreSQL).</summary>
public static class RateLimitingServiceCollectionExtensions
{
    public static IServiceCollection AddRateLimiting(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPerProvider<IAttemptWindows, InProcessAttemptWindows, PostgreSqlAttemptWindows>(configuration);
}
