using Ipp.Graph.Accounts;
using Ipp.Graph.Authorization;
using Ipp.Graph.Data;
using Ipp.Graph.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ipp.Graph.Administration.Approval;

/// <summary>
/// Mails every administrator able to approve a new pending account: each approved, enabled user holding
/// <see cref="Permission.UsersManage"/> by the <see cref="AccessPolicy"/>'s table (through a role, or for everyone
/// signed in when the <c>Permissions</c> settings say so). The work goes to the <see cref="MailOutbox"/>, so creating
/// the account neither waits for the mail server nor fails with it; without mail configured nothing is queued.
/// </summary>
public sealed partial class PendingAccountMails(
    IDbContextFactory<IppDbContext> contexts,
    IMailSender mail,
    MailOutbox outbox,
    AccessPolicy policy,
    IOptions<AdministrationOptions> options,
    ILogger<PendingAccountMails> logger)
{
    private const string What = "a pending account mail";

    /// <summary>Queues the mails telling of <paramref name="account"/>, when mail is configured.</summary>
    public void Enqueue(UserView account)
    {
        if (mail.IsConfigured)
        {
            outbox.Enqueue(What, cancellationToken => SendAsync(account, cancellationToken));
        }
    }

    private async Task SendAsync(UserView account, CancellationToken cancellationToken)
    {
        var table = policy.Table;
        var everyone = table.SignedIn.Contains(Permission.UsersManage);
        var approving = table.Roles.Where(line => line.Value.Contains(Permission.UsersManage)).Select(line => RoleNames.NameOf(line.Key)).ToList();
        List<string> administrators;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            administrators = await db.Users
                .Where(user => user.Approval == ApprovalState.Approved && !user.Disabled
                    && (everyone || user.Roles.Any(role => approving.Contains(role.Role))))
                .OrderBy(user => user.Id)
                .Select(user => user.Email)
                .ToListAsync(cancellationToken);
        }

        var usersPage = mail.LinkTo(options.Value.UsersLinkPath);
        foreach (var administrator in administrators)
        {
            try
            {
                await mail.SendAsync(PendingAccountMail.For(administrator, account.Email, usersPage), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One refused address keeps no other administrator from hearing of the account.
                outbox.LogNotSent(What, exception);
            }
        }

        Sent(logger, account.Key, administrators.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Told {Count} administrators that account {UserId} awaits approval.")]
    private static partial void Sent(ILogger logger, long userId, int count);
}
