namespace Ipp.Graph.Storage.Blobs;

/// <summary>
/// Cancels a transfer that stays silent for longer than its idle timeout: <see cref="Touch"/> on each sign of life
/// re-arms the timer. A transfer may so take any time as long as it moves, where a fixed total timeout would break
/// large ones. Also cancelled with the caller's token.
/// </summary>
internal sealed class IdleWatch : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;
    private readonly TimeSpan _timeout;

    public IdleWatch(TimeSpan timeout, CancellationToken caller)
    {
        _timeout = timeout;
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _source.CancelAfter(timeout);
    }

    public CancellationToken Token => _source.Token;

    /// <summary>True when the timer, not the caller, cancelled the transfer.</summary>
    public bool TimedOut => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>Re-arms the timer: the transfer moved.</summary>
    public void Touch() => _source.CancelAfter(_timeout);

    public void Dispose() => _source.Dispose();
}
