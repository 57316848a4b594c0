using System.Net;
using System.Net.Sockets;
using System.Text;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Picas;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a server on <c>upstreamPort</c> that holds back the first request whose
/// bytes name <c>held</c> (say <c>POST /db/_bulk_docs</c>), on its way and not yet arrived, until <see cref="Release"/>:
/// what a slow network does to one request, at the moment a test chooses.
/// </summary>
public sealed class HoldingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly string _held;
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Socket> _sockets = [];
    private readonly Task _accepting;

    public HoldingProxy(int upstreamPort, string held)
    {
        _upstreamPort = upstreamPort;
        _held = held;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    /// <summary>Waits until the request to hold arrived here (and is held).</summary>
    public Task WaitUntilHeldAsync() => _reached.Task.WaitAsync(TestEvents.Patience);

    /// <summary>Lets the held request, and every one after it, through.</summary>
    public void Release() => _released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception stopped) when (stopped is SocketException or ObjectDisposedException)
        {
            // The listener was stopped.
        }

        lock (_sockets)
        {
            _sockets.ForEach(socket => socket.Dispose());
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            var client = await _listener.AcceptSocketAsync();
            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            lock (_sockets)
            {
                _sockets.Add(client);
                _sockets.Add(upstream);
            }

            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort);
            _ = RelayAsync(client, upstream, holding: true);
            _ = RelayAsync(upstream, client, holding: false);
        }
    }

    private async Task RelayAsync(Socket from, Socket to, bool holding)
    {
        var buffer = new byte[65536];
        try
        {
            while (true)
            {
                var count = await from.ReceiveAsync(buffer);
                if (count == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (holding && !_released.Task.IsCompleted && Encoding.ASCII.GetString(buffer, 0, count).Contains(_held, StringComparison.Ordinal))
                {
                    _reached.TrySetResult();
                    await _released.Task;
                }

                await to.SendAsync(buffer.AsMemory(0, count));
            }
        }
        catch (Exception gone) when (gone is SocketException or ObjectDisposedException)
        {
            // Either side left, or the proxy was disposed.
        }
    }
}
