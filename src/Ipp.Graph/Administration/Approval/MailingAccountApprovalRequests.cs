using Ipp.Graph.Accounts;

namespace Ipp.Graph.Administration.Approval;

/// <summary>
/// The requests as <see cref="AccountService"/> raises them: announced to every instance (<paramref name="announcing"/>),
/// and mailed to the administrators (<see cref="PendingAccountMails"/>) here, on the instance that created the
/// account, so each administrator gets one mail however many instances serve the database.
/// </summary>
public sealed class MailingAccountApprovalRequests(IAccountApprovalRequests announcing, PendingAccountMails mails) : IAccountApprovalRequests
{
    public async Task AccountPendingAsync(UserView user, CancellationToken cancellationToken)
    {
        mails.Enqueue(user);
        await announcing.AccountPendingAsync(user, cancellationToken);
    }
}
