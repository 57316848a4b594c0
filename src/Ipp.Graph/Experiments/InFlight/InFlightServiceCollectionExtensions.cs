using Ipp.Graph.Data;

namespace Ipp.Graph.Experiments.InFlight;

/// <summary>Registers the experiments in flight of the database's provider (in process on SQLite, shared on PostgreSQL).</summary>
public static class InFlightServiceCollectionExtensions
{
    public static IServiceCollection AddExperimentsInFlight(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPerProvider<IExperimentsInFlight, InProcessExperimentsInFlight, PostgreSqlExperimentsInFlight>(configuration);
}
