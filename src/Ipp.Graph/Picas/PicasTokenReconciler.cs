using Microsoft.Extensions.Options;

namespace Ipp.Graph.Picas;

/// <summary>
/// Every <c>Picas:ReconcileInterval</c>, hands the tokens of the views <c>locked</c>, <c>done</c> and <c>error</c> to
/// the <see cref="IPicasTokenObserver"/>s again, a page at a time, for whatever the changes feed might have missed
/// (a feed reset, a position stored by another instance). Tokens in no view (todo, crashed) come through the feed.
/// </summary>
internal sealed partial class PicasTokenReconciler(
    CouchDbClient couch,
    IEnumerable<IPicasTokenObserver> observers,
    PicasPoolStatus status,
    TimeProvider clock,
    IOptions<PicasOptions> options,
    ILogger<PicasTokenReconciler> logger) : BackgroundService
{
    private const int PageSize = 500;

    private static readonly string[] Views = ["locked", "done", "error"];

    private readonly IPicasTokenObserver[] _observers = [.. observers];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReconcileInterval;
        if (_observers.Length == 0 || interval == TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!status.IsSetUp)
            {
                continue;
            }

            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                RoundFailed(logger, exception);
            }
        }
    }

    /// <summary>One round: every token of the three views, handed on.</summary>
    internal async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        foreach (var view in Views)
        {
            for (var skip = 0; ; skip += PageSize)
            {
                var page = await couch.QueryViewAsync(
                    MonitorDesignDocument.Name, view, new CouchViewQuery { IncludeDocs = true, Limit = PageSize, Skip = skip }, cancellationToken);
                if (!page.IsOk)
                {
                    ViewFailed(logger, view, page.ToString());
                    return;
                }

                foreach (var row in page.Value!.Rows)
                {
                    if (row.Document is not null && PicasTokenState.Read(row.Document) is { } token)
                    {
                        foreach (var observer in _observers)
                        {
                            await observer.TokenChangedAsync(token, cancellationToken);
                        }
                    }
                }

                if (page.Value.Rows.Count < PageSize)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pool's view {View} could not be read for the reconciliation ({Failure}); the next round tries again.")]
    private static partial void ViewFailed(ILogger logger, string view, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "A reconciliation round of the pool's tokens failed; the next round tries again.")]
    private static partial void RoundFailed(ILogger logger, Exception exception);
}
