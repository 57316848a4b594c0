using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Ipp.Graph.Tests.Transport.WebSockets;

namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary>
/// A server on a free port of 127.0.0.1 that accepts every connection and, for each request, either answers
/// <c>answer</c> (a whole HTTP response) or, without one, says nothing at all: what a WebDAV server does in the cases
/// rclone cannot be made to show (a redirect, a server that stops answering). It may take over a stopped server's
/// <c>port</c>, and tells which requests arrived (<see cref="WaitForRequestAsync"/>).
/// </summary>
public sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly string? _answer;
    private readonly ConcurrentQueue<string> _requestLines = new();
    private readonly List<Socket> _accepted = [];
    private readonly Task _accepting;

    public CannedHttpServer(string? answer, int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (SocketException)
        {
            // The listener was stopped.
        }
        catch (ObjectDisposedException)
        {
            // The listener was stopped.
        }

        lock (_accepted)
        {
            _accepted.ForEach(socket => socket.Dispose());
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            var socket = await _listener.AcceptSocketAsync();
            lock (_accepted)
            {
                _accepted.Add(socket);
            }

            _ = ServeAsync(socket);
        }
    }

    /// <summary>Waits until a request whose first line starts with <paramref name="start"/> (say <c>POST /db/_bulk_docs</c>) arrived.</summary>
    public async Task WaitForRequestAsync(string start)
    {
        var deadline = DateTime.UtcNow + TestEvents.Patience;
        while (!_requestLines.Any(line => line.StartsWith(start, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No request \"{start}\" arrived; seen: {string.Join(", ", _requestLines)}");
            await Task.Delay(20);
        }
    }

    /// <summary>Reads a request's head (a body is never read), notes its first line and sends the answer, if any.</summary>
    private async Task ServeAsync(Socket socket)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var count = await socket.ReceiveAsync(buffer);
                if (count == 0)
                {
                    return;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, count));
            }

            _requestLines.Enqueue(received.ToString()[..received.ToString().IndexOf("\r\n", StringComparison.Ordinal)]);
            if (_answer is not null)
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(_answer));
            }
        }
        catch (Exception gone) when (gone is SocketException or ObjectDisposedException)
        {
            // The client left.
        }
    }
}
