using Ipp.Graph.GraphQL;

namespace Ipp.Graph.Transport.WebSockets;

/// <summary>
/// One operation a client started on a connection: its id and what stops it. Cancelling it (the client's
/// <c>complete</c> or <c>stop</c>, or the socket closing) ends its execution, disposes its subscription stream and
/// silences it: no message about it goes out once it is cancelled.
/// </summary>
internal sealed class SocketOperation : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private ServerRequestContext? _context;

    public SocketOperation(string id, CancellationToken connectionLifetime)
    {
        Id = id;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connectionLifetime);
    }

    public string Id { get; }

    /// <summary>Cancelled when the operation is to stop; its messages are then no longer sent.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>The context the operation runs in, once it started (read by the watch of the session's end).</summary>
    public ServerRequestContext? Context
    {
        get => Volatile.Read(ref _context);
        set => Volatile.Write(ref _context, value);
    }

    /// <summary>True when the operation reports the end of its caller's session (<c>sessionEnded</c>).</summary>
    public bool ReportsSessionEnd => Context?.ReportsSessionEnd == true;

    /// <summary>The running operation; it never fails (it reports its own failures).</summary>
    public Task Running { get; set; } = Task.CompletedTask;

    public void Cancel() => _cancellation.Cancel();

    public void Dispose() => _cancellation.Dispose();
}
