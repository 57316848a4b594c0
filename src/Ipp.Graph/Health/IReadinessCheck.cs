namespace Ipp.Graph.Health;

/// <summary>
/// Something the server needs to serve requests, checked by <c>GET /health/ready</c>: each feature that depends on
/// something outside the process registers one (<c>services.AddSingleton&lt;IReadinessCheck, …&gt;()</c>), and the
/// readiness probe runs them all. A check has <c>Health:Timeout</c> to answer; it must stay cheap, since orchestrators
/// ask every few seconds.
/// </summary>
public interface IReadinessCheck
{
    /// <summary>What is checked, as the 503's body names it (<c>database</c>, <c>upload-folder</c>): no path, no secret.</summary>
    string Name { get; }

    /// <summary>Completes when the dependency works; throws (any exception, logged with it) when it does not.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
