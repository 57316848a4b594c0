using Ipp.Graph.Accounts;

namespace Ipp.Graph.Administration.Approval;

/// <summary>The event <c>accountPending</c> delivers (the <c>AccountPendingEvent</c> type): the new account, as it was created.</summary>
public sealed record AccountPendingEvent(UserView User);
