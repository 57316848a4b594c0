using System.Buffers;
using System.Net.WebSockets;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ipp.Graph.Transport.WebSockets;

/// <summary>What one receive gave: a whole message, a message over the size limit, or the end of the socket.</summary>
internal enum ReceivedKind
{
    Text,
    Binary,
    TooLarge,
    Closed,
}

/// <summary>
/// One accepted WebSocket as the protocols use it: whole messages in, bounded in size; JSON messages out, one at a
/// time (a WebSocket allows one send at a time), each bounded in time; and a close that never hangs: once the
/// server's close frame is sent, the client has a few seconds to answer before the socket is aborted.
/// </summary>
internal sealed class WebSocketChannel : IDisposable
{
    /// <summary>How long the client may take to answer the server's close frame.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebSocket _socket;
    private readonly int _maxMessageBytes;
    private readonly TimeSpan _sendTimeout;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly CancellationTokenSource _receiving = new();
    private byte[] _input = ArrayPool<byte>.Shared.Rent(4096);
    private int _inputLength;
    private bool _closeSent;

    public WebSocketChannel(WebSocket socket, int maxMessageBytes, TimeSpan sendTimeout)
    {
        _socket = socket;
        _maxMessageBytes = maxMessageBytes;
        _sendTimeout = sendTimeout;
        _writer = new Utf8JsonWriter(_output, WriterOptions);
    }

    /// <summary>True once the server sent its close frame (or the socket ended): nothing more goes out.</summary>
    public bool IsClosing => Volatile.Read(ref _closeSent);

    /// <summary>The last message received (valid until the next receive).</summary>
    public ReadOnlyMemory<byte> Message => _input.AsMemory(0, _inputLength);

    /// <summary>
    /// Waits for the next whole message (its bytes in <see cref="Message"/>). <see cref="ReceivedKind.Closed"/>
    /// when the client closed the socket, it broke, or the close handshake ran out of time.
    /// </summary>
    public async ValueTask<ReceivedKind> ReceiveAsync()
    {
        _inputLength = 0;
        try
        {
            while (true)
            {
                if (_inputLength == _input.Length)
                {
                    Grow();
                }

                var received = await _socket.ReceiveAsync(_input.AsMemory(_inputLength), _receiving.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerCloseAsync();
                    return ReceivedKind.Closed;
                }

                _inputLength += received.Count;
                if (_inputLength > _maxMessageBytes)
                {
                    _inputLength = 0;
                    return ReceivedKind.TooLarge;
                }

                if (received.EndOfMessage)
                {
                    return received.MessageType == WebSocketMessageType.Text ? ReceivedKind.Text : ReceivedKind.Binary;
                }
            }
        }
        catch (Exception exception) when (IsDisconnection(exception))
        {
            Volatile.Write(ref _closeSent, true);
            return ReceivedKind.Closed;
        }
    }

    /// <summary>
    /// Sends the JSON message <paramref name="write"/> writes, unless the socket is closing or
    /// <paramref name="skipWhen"/> is cancelled by then (checked in turn, so nothing goes out after it).
    /// False when nothing was sent; a socket that breaks meanwhile is not an error (the receive loop sees it end).
    /// </summary>
    public async ValueTask<bool> SendAsync<TState>(TState state, Action<Utf8JsonWriter, TState> write, CancellationToken skipWhen = default)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (_closeSent || skipWhen.IsCancellationRequested)
            {
                return false;
            }

            _output.ResetWrittenCount();
            _writer.Reset(_output);
            write(_writer, state);
            _writer.Flush();
            using var timeout = new CancellationTokenSource(_sendTimeout);
            await _socket.SendAsync(_output.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
            return true;
        }
        catch (Exception exception) when (IsDisconnection(exception))
        {
            _closeSent = true;
            _socket.Abort();
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Sends the server's close frame (once; later calls do nothing) and gives the client a few seconds to answer
    /// it, after which the pending receive ends and the socket is aborted.
    /// </summary>
    public async ValueTask CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (_closeSent)
            {
                return;
            }

            _closeSent = true;
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, CloseCodes.FitReason(reason), timeout.Token);
            }
        }
        catch (Exception exception) when (IsDisconnection(exception))
        {
            // The socket broke first: there is nobody left to tell.
        }
        finally
        {
            _sendLock.Release();
            try
            {
                _receiving.CancelAfter(CloseHandshakeTimeout);
            }
            catch (ObjectDisposedException)
            {
                // The connection already ended (a close the server's shutdown asked for, arriving late).
            }
        }
    }

    public void Dispose()
    {
        _receiving.Dispose();
        _writer.Dispose();
        ArrayPool<byte>.Shared.Return(_input);
        _input = [];
    }

    /// <summary>The client sent its close frame: answer it (the handshake completes) unless the server closed first.</summary>
    private async ValueTask AnswerCloseAsync()
    {
        var status = _socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure;
        await CloseAsync((int)status, "");
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_input.Length * 2, _maxMessageBytes + 1));
        _input.AsSpan(0, _inputLength).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_input);
        _input = larger;
    }

    /// <summary>How a socket that went away (or was aborted, or timed out) shows itself.</summary>
    private static bool IsDisconnection(Exception exception) =>
        exception is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException;
}
