using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Ipp.Graph.Tests.Support;
using MimeKit;

namespace Ipp.Graph.Tests.Mail;

/// <summary>
/// A real SMTP server on a free port of 127.0.0.1: Debian's aiosmtpd (<c>python3-aiosmtpd</c>, run by Debian's own
/// /usr/bin/python3, which sees its packages) with its debugging handler, which prints every message it receives on
/// its standard output. Each printed message is read back and parsed as the mail it was; disposing stops the server.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string MessageStart = "---------- MESSAGE FOLLOWS ----------";
    private const string MessageEnd = "------------ END MESSAGE ------------";

    /// <summary>How long a test waits for a mail the server should send at once: generous, for a busy machine.</summary>
    public static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Channel<MimeMessage> _messages = Channel.CreateUnbounded<MimeMessage>();
    private readonly StringBuilder _errors = new();
    private readonly Task _reading;

    private SmtpTestServer(Process process, int port)
    {
        _process = process;
        Port = port;
        _reading = ReadMessagesAsync();
        _process.ErrorDataReceived += (_, line) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(line.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>The server's settings for Ipp.Graph: this SMTP server, without TLS (aiosmtpd offers none), and a frontend's address.</summary>
    public string[] Settings =>
    [
        "--Mail:Host=127.0.0.1",
        $"--Mail:Port={Port}",
        "--Mail:Tls=None",
        "--Mail:Sender=IPP Portal <noreply@ipp.example.org>",
        "--Mail:LinkBase=https://portal.example.org/app/",
    ];

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public static async Task<SmtpTestServer> StartAsync()
    {
        var port = FreePort.Take();
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Without it Python buffers what it prints to a pipe, and a message would show only when the buffer fills.
            Environment = { ["PYTHONUNBUFFERED"] = "1" },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /usr/bin/python3 -m aiosmtpd.");
        var server = new SmtpTestServer(process, port);
        try
        {
            await server.WaitUntilListeningAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>The next message received; fails when none arrives within <see cref="ArrivalTimeout"/>.</summary>
    public async Task<MimeMessage> NextMessageAsync()
    {
        using var timeout = new CancellationTokenSource(ArrivalTimeout);
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No mail arrived within {ArrivalTimeout}. The SMTP server said: {Errors}");
        }
    }

    /// <summary>The messages received and not yet taken by <see cref="NextMessageAsync"/>.</summary>
    public List<MimeMessage> TakeReceived()
    {
        var taken = new List<MimeMessage>();
        while (_messages.Reader.TryRead(out var message))
        {
            taken.Add(message);
        }

        return taken;
    }

    private string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        await _reading;
        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow + ArrivalTimeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException exception)
            {
                throw new InvalidOperationException($"aiosmtpd did not listen on port {Port} (is python3-aiosmtpd installed?): {Errors}", exception);
            }
        }
    }

    /// <summary>
    /// Collects the lines between the debugging handler's markers and parses each message they hold. Before the
    /// message the handler prints the envelope's options, if any (<c>mail options: ['SIZE=…']</c>), then an empty line.
    /// </summary>
    private async Task ReadMessagesAsync()
    {
        StringBuilder? message = null;
        var inOptions = false;
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == MessageStart)
            {
                message = new StringBuilder();
            }
            else if (message is { Length: 0 } && (line.StartsWith("mail options:", StringComparison.Ordinal) || line.StartsWith("rcpt options:", StringComparison.Ordinal)))
            {
                inOptions = true;
            }
            else if (inOptions && line.Length == 0)
            {
                inOptions = false;
            }
            else if (line == MessageEnd && message is not null)
            {
                using var text = new MemoryStream(Encoding.UTF8.GetBytes(message.ToString()));
                _messages.Writer.TryWrite(await MimeMessage.LoadAsync(text));
                message = null;
            }
            else
            {
                message?.Append(line).Append("\r\n");
            }
        }

        _messages.Writer.TryComplete();
    }
}
