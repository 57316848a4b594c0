using Microsoft.Extensions.Options;

namespace Ipp.Graph.Picas;

/// <summary>
/// Sets the configured token pool up at start (<see cref="PicasPoolSetup"/>), in the background: a pool that cannot be
/// reached (or refuses the credentials, or answers garbage) is said in a warning naming its address (never a
/// credential) and the reason, marks the instance not ready (<see cref="PicasReadiness"/>), and is tried again every
/// <see cref="PicasOptions.SetupRetryInterval"/> until it works. It never stops the server.
/// </summary>
internal sealed partial class PicasPoolStarter(
    PicasPoolSetup setup, PicasPoolStatus status, IOptions<PicasOptions> options, ILogger<PicasPoolStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var url = settings.ServerUri.ToString();
        Configured(logger, url, settings.Database);
        while (true)
        {
            string failure;
            try
            {
                var result = await setup.RunAsync(stoppingToken);
                if (result.IsOk)
                {
                    status.SetUp();
                    Ready(logger, url, settings.Database);
                    return;
                }

                failure = result.ToString();
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failure = exception.Message;
            }

            status.Failed(failure);
            Unavailable(logger, url, settings.Database, failure, settings.SetupRetryInterval);
            await Task.Delay(settings.SetupRetryInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The token pool is the CouchDB server {Url}, database {Database}: setting it up.")]
    private static partial void Configured(ILogger logger, string url, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "The token pool at {Url}, database {Database}, is ready.")]
    private static partial void Ready(ILogger logger, string url, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token pool at {Url}, database {Database}, cannot be set up ({Failure}); the server is not ready and tries again every {Interval}.")]
    private static partial void Unavailable(ILogger logger, string url, string database, string failure, TimeSpan interval);
}
