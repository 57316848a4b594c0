using Ipp.Graph.Accounts;

namespace Ipp.Graph.Administration.Approval;

/// <summary>
/// Where "an account awaits approval" is raised (<c>Accounts:RequireApproval</c>): <see cref="AccountService"/> calls it
/// once a pending account is created. It reaches the <c>accountPending</c> subscribers of every instance serving the
/// database: in process on SQLite (<see cref="InProcessAccountApprovalRequests"/>), by PostgreSQL's NOTIFY on
/// PostgreSQL (<see cref="PostgreSqlAccountApprovalRequests"/>). The account's row is the durable record: an
/// administrator finds every pending account with <c>users(where: {approval: {eq: PENDING}})</c>.
/// </summary>
public interface IAccountApprovalRequests
{
    Task AccountPendingAsync(UserView user, CancellationToken cancellationToken);
}
