namespace Ipp.Graph.Health;

/// <summary>
/// The probes orchestrators ask, as plain text: <c>GET /health/live</c> answers <c>OK</c> while the process serves
/// requests, checking nothing else (a failing dependency is no reason to restart it); <c>GET /health/ready</c> answers
/// <c>OK</c> when every <see cref="IReadinessCheck"/> passes, else 503 naming the checks that failed
/// (<c>Unavailable: upload-folder (failed)</c>). <c>GET /health</c> is readiness, as it always was (the container's
/// HEALTHCHECK, <see cref="HealthProbeCommand"/>, asks it).
/// </summary>
public static class HealthEndpoint
{
    /// <summary>Readiness, under its first name; the probes are below it.</summary>
    public const string Path = "/health";

    public const string LivePath = Path + "/live";

    public const string ReadyPath = Path + "/ready";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        endpoints.MapMethods(LivePath, methods, () => Results.Text("OK", "text/plain", statusCode: StatusCodes.Status200OK));
        endpoints.MapMethods(ReadyPath, methods, ReadyAsync);
        endpoints.MapMethods(Path, methods, ReadyAsync);
        return endpoints;
    }

    private static async Task<IResult> ReadyAsync(HttpContext http, ReadinessProbe probe)
    {
        var failures = await probe.FailuresAsync(http.RequestAborted);
        return failures.Count == 0
            ? Results.Text("OK", "text/plain", statusCode: StatusCodes.Status200OK)
            : Results.Text("Unavailable: " + string.Join(", ", failures), "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
