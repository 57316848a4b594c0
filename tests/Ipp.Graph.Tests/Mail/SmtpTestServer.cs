using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Ipp.Graph.Engine.Tests.Support;
using Ipp.Graph.Tests.Support;
using MimeKit;

namespace Ipp.Graph.Tests.Mail;

/// <summary>
/// A real SMTP server on a free port of 127.0.0.1: Debian's aiosmtpd (<c>python3-aiosmtpd</c>, run by Debian's own
/// /usr/bin/python3, which sees its packages) with our handler <c>refusing_smtp.py</c> (aiosmtpd's debugging handler,
/// which prints every message it receives on its standard output, refusing senders, recipients or messages when told
/// to). Each
/// printed message is read back and parsed as the mail it was. It can be stopped and started again on the same port,
/// as a mail server that is down a while; disposing stops it for good.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string MessageStart = "---------- MESSAGE FOLLOWS ----------";
    private const string MessageEnd = "------------ END MESSAGE ------------";

    /// <summary>How long a test waits for a mail the server should send at once: generous, for a busy machine.</summary>
    public static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);

    private readonly Channel<MimeMessage> _messages = Channel.CreateUnbounded<MimeMessage>();
    private readonly StringBuilder _errors = new();

    /// <summary>The handler's folder: the files telling it to refuse (<see cref="RefuseRecipients"/>, <see cref="RefuseMessages"/>).</summary>
    private readonly string _folder = Directory.CreateTempSubdirectory("ipp-graph-smtp-").FullName;

    private Process? _process;
    private Task _reading = Task.CompletedTask;

    private SmtpTestServer(int port)
    {
        Port = port;
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
        var server = new SmtpTestServer(FreePort.Take());
        try
        {
            await server.StartAgainAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Starts the server, stopped by <see cref="StopAsync"/>, again on its port, and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The SMTP server runs already.");
        }

        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "refusing_smtp.Refusing", _folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["PYTHONPATH"] = RepositoryPaths.Combine("tests", "Ipp.Graph.Tests", "Mail"),
                // No __pycache__ beside the handler's source.
                ["PYTHONDONTWRITEBYTECODE"] = "1",
                // Without it Python buffers what it prints to a pipe, and a message would show only when the buffer fills.
                ["PYTHONUNBUFFERED"] = "1",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /usr/bin/python3 -m aiosmtpd.");
        process.ErrorDataReceived += (_, line) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(line.Data);
            }
        };
        process.BeginErrorReadLine();
        _process = process;
        _reading = ReadMessagesAsync(process);
        await WaitUntilListeningAsync(process);
    }

    /// <summary>Stops the server (its port then refuses connections) until <see cref="StartAgainAsync"/>; what it received stays to be taken.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        await _reading;
        process.Dispose();
        _process = null;
    }

    /// <summary>From now on every sender (MAIL FROM) is refused with <paramref name="reply"/>, until <see cref="Accept"/>.</summary>
    public void RefuseSenders(string reply) => Refuse("refuse-mail", reply);

    /// <summary>From now on every recipient (RCPT TO) is refused with <paramref name="reply"/> (<c>451 4.3.0 Try again later</c>), until <see cref="Accept"/>.</summary>
    public void RefuseRecipients(string reply) => Refuse("refuse-rcpt", reply);

    /// <summary>From now on every message is refused once its data arrived (the reply to DATA's end) with <paramref name="reply"/>, until <see cref="Accept"/>.</summary>
    public void RefuseMessages(string reply) => Refuse("refuse-data", reply);

    /// <summary>Accepts senders, recipients and messages again.</summary>
    public void Accept()
    {
        File.Delete(Path.Combine(_folder, "refuse-mail"));
        File.Delete(Path.Combine(_folder, "refuse-rcpt"));
        File.Delete(Path.Combine(_folder, "refuse-data"));
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
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Writes the reply whole under another name first, so the handler never reads half of it.</summary>
    private void Refuse(string file, string reply)
    {
        var written = Path.Combine(_folder, file + ".new");
        File.WriteAllText(written, reply);
        File.Move(written, Path.Combine(_folder, file), overwrite: true);
    }

    private async Task WaitUntilListeningAsync(Process process)
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
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
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
    private async Task ReadMessagesAsync(Process process)
    {
        StringBuilder? message = null;
        var inOptions = false;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
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
    }
}
