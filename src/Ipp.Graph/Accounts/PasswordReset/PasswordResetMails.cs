using Ipp.Graph.Data;
using Ipp.Graph.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Accounts.PasswordReset;

/// <summary>
/// Handles each <c>requestPasswordReset</c> away from its request, through the <see cref="MailOutbox"/>: the request
/// only queues the address, so its answer and the time it takes are the same whether an account has the address or
/// not, whether it may sign in, and whether the mail server is up. Here, an address of an account that may sign in
/// gets a new token (replacing an older one) and the mail with its link; an address without one, or of a DENIED or
/// disabled account (which no new password would let in), gets nothing. A mail that cannot go out is logged; the
/// token stored for it simply expires.
/// </summary>
public sealed partial class PasswordResetMails(
    IDbContextFactory<IppDbContext> contexts,
    IMailSender mail,
    MailOutbox outbox,
    TimeProvider clock,
    IOptions<PasswordResetOptions> options,
    ILogger<PasswordResetMails> logger)
{
    private const string What = "a password reset mail";

    private readonly PasswordResetOptions _options = options.Value;

    /// <summary>Queues a request for the address (as the client wrote it).</summary>
    public void Enqueue(string email) => outbox.Enqueue(What, cancellationToken => HandleAsync(email, cancellationToken));

    private async Task HandleAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = EmailAddress.Normalize(email);
        var now = new DateTimeOffset(clock.UtcNowToMillisecond());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<PasswordResetToken>().Where(token => token.ExpiresAt <= now.UtcDateTime).ExecuteDeleteAsync(cancellationToken);
        var user = await db.Users.Where(row => row.NormalizedEmail == normalized && (row.Approval == ApprovalState.Approved || row.Approval == ApprovalState.Pending) && !row.Disabled)
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

        await mail.SendAsync(PasswordResetMail.For(user.Email, mail.LinkTo(_options.LinkPath) + "#token=" + token, _options.Lifetime), cancellationToken);
        Sent(logger, user.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a password reset link to user {UserId}.")]
    private static partial void Sent(ILogger logger, long userId);
}
