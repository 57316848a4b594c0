using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ipp.Graph.Tests.Storage.Blobs;

/// <summary>
/// A server on a free port of 127.0.0.1 that accepts every connection and, for each request, either answers
/// <c>answer</c> (a whole HTTP response) or, without one, says nothing at all: what a WebDAV server does in the cases
/// rclone cannot be made to show (a redirect, a server that stops answering).
/// </summary>
public sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string? _answer;
    private readonly List<Socket> _accepted = [];
    private readonly Task _accepting;

    public CannedHttpServer(string? answer)
    {
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

            if (_answer is not null)
            {
                _ = AnswerAsync(socket, _answer);
            }
        }
    }

    /// <summary>Reads a request's head (the requests sent here have no body) and sends the answer.</summary>
    private static async Task AnswerAsync(Socket socket, string answer)
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

            await socket.SendAsync(Encoding.ASCII.GetBytes(answer));
        }
        catch (Exception gone) when (gone is SocketException or ObjectDisposedException)
        {
            // The client left.
        }
    }
}
