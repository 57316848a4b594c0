using Ipp.Graph.Accounts;

namespace Ipp.Graph.Administration.Approval;

/// <summary>The requests of a server alone on its database (SQLite): straight to this process's hub.</summary>
public sealed class InProcessAccountApprovalRequests(PendingAccountHub hub) : IAccountApprovalRequests
{
    public Task AccountPendingAsync(UserView user, CancellationToken cancellationToken)
    {
        hub.Publish(new AccountPendingEvent(user));
        return Task.CompletedTask;
    }
}
