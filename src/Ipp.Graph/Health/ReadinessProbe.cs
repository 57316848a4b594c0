using Microsoft.Extensions.Options;

namespace Ipp.Graph.Health;

/// <summary>
/// Runs every registered <see cref="IReadinessCheck"/> at once, each within <see cref="HealthSettings.Timeout"/>, and
/// says which failed. Each failure is logged as a warning with its reason (paths included: the log is the operator's);
/// what the probe answers names the checks only.
/// </summary>
internal sealed partial class ReadinessProbe
{
    private readonly IReadinessCheck[] _checks;
    private readonly TimeSpan _timeout;
    private readonly ILogger<ReadinessProbe> _logger;

    public ReadinessProbe(IEnumerable<IReadinessCheck> checks, IOptions<HealthSettings> settings, ILogger<ReadinessProbe> logger)
    {
        _checks = [.. checks];
        _timeout = settings.Value.Timeout;
        _logger = logger;
    }

    /// <summary>The failed checks, each as <c>name (failed)</c> or <c>name (timed out)</c>, in registration order; empty when ready.</summary>
    public async Task<List<string>> FailuresAsync(CancellationToken requestAborted)
    {
        var outcomes = await Task.WhenAll(_checks.Select(check => RunAsync(check, requestAborted)));
        return [.. outcomes.OfType<string>()];
    }

    /// <summary>Null when <paramref name="check"/> passed, else how it failed.</summary>
    private async Task<string?> RunAsync(IReadinessCheck check, CancellationToken requestAborted)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        limit.CancelAfter(_timeout);
        try
        {
            // WaitAsync: a check that does not heed its token still cannot hold the probe past the timeout.
            await check.CheckAsync(limit.Token).WaitAsync(limit.Token);
            return null;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !requestAborted.IsCancellationRequested)
        {
            LogTimedOut(_logger, check.Name, _timeout);
            return check.Name + " (timed out)";
        }
        catch (Exception exception) when (!requestAborted.IsCancellationRequested)
        {
            LogFailed(_logger, exception, check.Name);
            return check.Name + " (failed)";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The health check {Check} failed: the server is not ready.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string check);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The health check {Check} did not answer within {Timeout}: the server is not ready.")]
    private static partial void LogTimedOut(ILogger logger, string check, TimeSpan timeout);
}
