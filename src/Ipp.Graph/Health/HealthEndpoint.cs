using Ipp.Graph.Data;
using Microsoft.EntityFrameworkCore;

namespace Ipp.Graph.Health;

/// <summary>
/// <c>GET /health</c>: <c>OK</c> (200, text/plain) when the database answers a query, else 503. The check has a
/// time limit (<c>Health:Timeout</c>) so a locked database cannot hold the probe.
/// </summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        var timeout = endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Health:Timeout", TimeSpan.FromSeconds(5));
        endpoints.MapMethods("/health", [HttpMethods.Get, HttpMethods.Head], async (HttpContext http, IDbContextFactory<IppDbContext> contexts, ILoggerFactory loggers) =>
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            limit.CancelAfter(timeout);
            try
            {
                await using var db = await contexts.CreateDbContextAsync(limit.Token);
                await db.Users.AnyAsync(limit.Token);
                return Results.Text("OK", "text/plain", statusCode: StatusCodes.Status200OK);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
            {
                loggers.CreateLogger(typeof(HealthEndpoint)).LogWarning(exception, "The health check found the database unreachable.");
                return Results.Text("Unavailable", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return endpoints;
    }
}
