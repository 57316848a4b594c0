using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Mail;

/// <summary>
/// Sends the server's mail away from the requests that cause it, one after another in the order queued: a request
/// only queues the work (finding the recipients, making the mail, sending it), so its answer and the time it takes
/// do not depend on the mail server. Work that fails (the mail server down or refusing, the database away) is logged
/// and dropped; a full queue (<c>Mail:QueueLength</c>) drops new work, with a warning.
/// </summary>
public sealed partial class MailOutbox : BackgroundService
{
    private readonly Channel<Work> _queue;
    private readonly int _queueLength;
    private readonly ILogger<MailOutbox> _logger;

    public MailOutbox(IOptions<MailOptions> options, ILogger<MailOutbox> logger)
    {
        _queueLength = options.Value.QueueLength;
        _logger = logger;
        _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(_queueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    }

    /// <summary>
    /// Queues <paramref name="send"/>; <paramref name="what"/> names its mail in the log (<c>a password reset mail</c>).
    /// </summary>
    public void Enqueue(string what, Func<CancellationToken, Task> send)
    {
        if (!_queue.Writer.TryWrite(new Work(what, send)))
        {
            QueueFull(_logger, what, _queueLength);
        }
    }

    /// <summary>Logs a mail of <paramref name="what"/> that could not go out; for work that goes on with its other mails.</summary>
    public void LogNotSent(string what, Exception exception) => NotSent(_logger, what, exception.GetType().Name, exception.Message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await work.Send(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Whoever caused the mail was answered already; the log tells the operator.
                LogNotSent(work.What, exception);
            }
        }
    }

    private sealed record Work(string What, Func<CancellationToken, Task> Send);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {What} ({Kind}): {Reason}")]
    private static partial void NotSent(ILogger logger, string what, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} was dropped: {QueueLength} mails wait already (Mail:QueueLength).")]
    private static partial void QueueFull(ILogger logger, string what, int queueLength);
}
