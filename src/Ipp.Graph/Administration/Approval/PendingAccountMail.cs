using Ipp.Graph.Mail;

namespace Ipp.Graph.Administration.Approval;

/// <summary>The mail telling an administrator that an account awaits approval.</summary>
public static class PendingAccountMail
{
    public const string Subject = "An account awaits your approval";

    public static OutgoingMail For(string administrator, string account, string usersPage) => new(
        administrator,
        Subject,
        $"""
        The account {account} was created and awaits approval: until an administrator approves it, it can sign in but do nothing.

        To approve or deny it, open the users page:

        {usersPage}
        """);
}
