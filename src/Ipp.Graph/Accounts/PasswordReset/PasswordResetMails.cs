using System.Threading.Channels;
using Ipp.Graph.Data;
using Ipp.Graph.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts.PasswordReset;

/// <summary>
/// Handles each <c>requestPasswordReset</c> away from its request, one after another: the request only queues the
/// address, so its answer and the time it takes are the same whether an account has the address or not, and
/// whether the mail server is up. Here, an address with an account gets a new token (replacing an older one) and
/// the mail with its link; an address without one gets nothing. A mail that cannot go out is logged; the token
/// stored for it simply expires.
/// </summary>
public sealed partial class PasswordResetMails : BackgroundService
{
    private readonly Channel<string> _queue;
    private readonly IDbContextFactory<IppDbContext> _contexts;
    private readonly IMailSender _mail;
    private readonly TimeProvider _clock;
    private readonly PasswordResetOptions _options;
    private readonly ILogger<PasswordResetMails> _logger;

    public PasswordResetMails(
        IDbContextFactory<IppDbContext> contexts,
        IMailSender mail,
        TimeProvider clock,
        IOptions<PasswordResetOptions> options,
        ILogger<PasswordResetMails> logger)
    {
        _contexts = contexts;
        _mail = mail;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        _queue = Channel.CreateBounded<string>(new BoundedChannelOptions(_options.QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    }

    /// <summary>Queues a request for the address (as the client wrote it); a full queue drops it, with a warning.</summary>
    public void Enqueue(string email)
    {
        if (!_queue.Writer.TryWrite(email))
        {
            QueueFull(_logger, _options.QueueLength);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await HandleAsync(email, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The mail server down or refusing, the database away: the requester was answered already; the log tells the operator.
                NotSent(_logger, exception.GetType().Name, exception.Message);
            }
        }
    }

    private async Task HandleAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        var now = new DateTimeOffset(_clock.UtcNowToMillisecond());
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<PasswordResetToken>().Where(token => token.ExpiresAt <= now.UtcDateTime).ExecuteDeleteAsync(cancellationToken);
        var user = await db.Users.Where(row => row.NormalizedEmail == normalized)
            .Select(row => new { row.Id, row.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return;
        }

        var (token, tokenHash) = SessionToken.Create();
        await using (var transaction = await UserTransactions.BeginAsync(db, user.Id, cancellationToken))
        {
            await db.Set<PasswordResetToken>().Where(row => row.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            db.Add(new PasswordResetToken { UserId = user.Id, TokenHash = tokenHash, CreatedAt = now.UtcDateTime, ExpiresAt = (now + _options.Lifetime).UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await _mail.SendAsync(PasswordResetMail.For(user.Email, _mail.LinkTo(_options.LinkPath) + "#token=" + token, _options.Lifetime), cancellationToken);
        Sent(_logger, user.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a password reset link to user {UserId}.")]
    private static partial void Sent(ILogger logger, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send a password reset mail ({Kind}): {Reason}")]
    private static partial void NotSent(ILogger logger, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A password reset request was dropped: {QueueLength} wait already (Accounts:PasswordReset:QueueLength).")]
    private static partial void QueueFull(ILogger logger, int queueLength);
}
